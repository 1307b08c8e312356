using ElsaFlow.Persistence.EntityFramework;
using Microsoft.EntityFrameworkCore;

namespace ElsaFlow.Persistence.MySql;

/// <summary>
/// The MySQL/MariaDB flavour of the model (Pomelo); its migrations are in Migrations/MySql. Text is utf8mb4 with a
/// binary collation so ids compare and sort ordinally, as on SQLite and PostgreSQL.
/// </summary>
public sealed class MySqlElsaFlowDbContext(DbContextOptions<MySqlElsaFlowDbContext> options) : ElsaFlowDbContext(options)
{
    public const string CharSet = "utf8mb4";
    public const string Collation = "utf8mb4_bin";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasCharSet(CharSet, DelegationModes.ApplyToAll);
        modelBuilder.UseCollation(Collation, DelegationModes.ApplyToAll);
    }
}
