using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ElsaFlow.Persistence.MySql;

/// <summary>
/// Lets `dotnet ef migrations add ... --context MySqlElsaFlowDbContext` build the MySQL context without a server: the
/// server version is fixed to MariaDB 10.11.
/// </summary>
public sealed class MySqlDesignTimeDbContextFactory : IDesignTimeDbContextFactory<MySqlElsaFlowDbContext>
{
    public MySqlElsaFlowDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<MySqlElsaFlowDbContext>()
            .UseMySql("Server=127.0.0.1;Database=elsaflow_design", MySqlWorkflowStore.DesignServerVersion)
            .Options;
        return new MySqlElsaFlowDbContext(options);
    }
}
