using ElsaFlow.Persistence.EntityFramework;
using Microsoft.EntityFrameworkCore;

namespace ElsaFlow.Persistence.MySql;

/// <summary>Opens the MySQL/MariaDB store: applies migrations, returns a ready store that commits through plain EF.</summary>
public static class MySqlWorkflowStore
{
    /// <summary>The server version the migrations were generated for (and used when none is detected).</summary>
    public static readonly ServerVersion DesignServerVersion = new MariaDbServerVersion(new Version(10, 11));

    /// <summary>A store over the database named by the connection string; the server version is detected when not given.</summary>
    public static EfWorkflowStore Create(string connectionString, ServerVersion? serverVersion = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var options = BuildOptions(connectionString, serverVersion ?? ServerVersion.AutoDetect(connectionString));
        using (var db = new MySqlElsaFlowDbContext(options))
            db.Database.Migrate();
        return new EfWorkflowStore(() => new MySqlElsaFlowDbContext(options));
    }

    public static DbContextOptions<MySqlElsaFlowDbContext> BuildOptions(string connectionString, ServerVersion serverVersion) =>
        new DbContextOptionsBuilder<MySqlElsaFlowDbContext>().UseMySql(connectionString, serverVersion).Options;
}
