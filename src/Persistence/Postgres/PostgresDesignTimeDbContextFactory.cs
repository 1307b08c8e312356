using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ElsaFlow.Persistence.Postgres;

/// <summary>Lets `dotnet ef migrations add ... --context PostgresElsaFlowDbContext` build the PostgreSQL context (no server needed).</summary>
public sealed class PostgresDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgresElsaFlowDbContext>
{
    public PostgresElsaFlowDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresElsaFlowDbContext>().UseNpgsql("Host=127.0.0.1;Database=elsaflow_design").Options;
        return new PostgresElsaFlowDbContext(options);
    }
}
