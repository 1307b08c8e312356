using ElsaFlow.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ElsaFlow.Persistence.Tests.Sqlite;

/// <summary>A new store file gets its schema from the embedded script; it must be the schema Migrate makes, and current.</summary>
public sealed class SqliteNewFileSchemaTests(SqliteTempFolder folder) : IClassFixture<SqliteTempFolder>
{
    [Fact]
    public void Script_EndsWithTheNewestMigration()
    {
        var newest = SqliteWorkflowStore.NewestMigration();

        Assert.NotNull(newest);
        Assert.Contains($"VALUES ('{newest}', ", SqliteNewFileSchema.Script());
    }

    [Fact]
    public async Task Open_NewFile_MakesTheSchemaAndHistoryMigrateMakes()
    {
        var scripted = folder.NewDatabasePath();
        var migrated = folder.NewDatabasePath();
        await using (SqliteWorkflowStore.Open(scripted)) { }
        await using (var db = new SqliteElsaFlowDbContext(SqliteWorkflowStore.BuildOptions(SqliteWorkflowStore.ConnectionStringFor(migrated))))
            await db.Database.MigrateAsync();

        Assert.Equal(Schema(migrated), Schema(scripted));
    }

    [Fact]
    public async Task Open_FileOfAnotherProgram_LeavesItToMigrate()
    {
        var path = folder.NewDatabasePath();
        using (var connection = new SqliteConnection(SqliteWorkflowStore.ConnectionStringFor(path)))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE other (x INTEGER)";
            command.ExecuteNonQuery();
        }

        await using (SqliteWorkflowStore.Open(path)) { }

        Assert.Contains(Schema(path), line => line.StartsWith("table other ", StringComparison.Ordinal));
        Assert.Contains(Schema(path), line => line.StartsWith("table instances ", StringComparison.Ordinal));
    }

    /// <summary>Every object of the file with its SQL, and the migration history.</summary>
    private static List<string> Schema(string path)
    {
        using var connection = new SqliteConnection(SqliteWorkflowStore.ConnectionStringFor(path));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' " +
                              "UNION ALL SELECT 'migration ' || MigrationId || ' ' || ProductVersion FROM __EFMigrationsHistory";
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read()) lines.Add(reader.GetString(0));
        return lines.Order(StringComparer.Ordinal).ToList();
    }
}
