using ElsaFlow.Persistence.EntityFramework;
using Microsoft.EntityFrameworkCore;

namespace ElsaFlow.Persistence.Postgres;

/// <summary>Opens the PostgreSQL store: applies migrations, returns a ready store that commits through plain EF.</summary>
public static class PostgresWorkflowStore
{
    /// <summary>A store over the database named by the connection string.</summary>
    public static EfWorkflowStore Create(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var options = BuildOptions(connectionString);
        using (var db = new PostgresElsaFlowDbContext(options))
            db.Database.Migrate();
        return new EfWorkflowStore(() => new PostgresElsaFlowDbContext(options));
    }

    public static DbContextOptions<PostgresElsaFlowDbContext> BuildOptions(string connectionString) =>
        new DbContextOptionsBuilder<PostgresElsaFlowDbContext>().UseNpgsql(connectionString).Options;
}
