using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ElsaFlow.Persistence.Sqlite;

/// <summary>Lets `dotnet ef migrations add ... --context SqliteElsaFlowDbContext` build the SQLite context.</summary>
public sealed class SqliteDesignTimeDbContextFactory : IDesignTimeDbContextFactory<SqliteElsaFlowDbContext>
{
    public SqliteElsaFlowDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteElsaFlowDbContext>().UseSqlite("Data Source=elsaflow.design.db").Options;
        return new SqliteElsaFlowDbContext(options);
    }
}
