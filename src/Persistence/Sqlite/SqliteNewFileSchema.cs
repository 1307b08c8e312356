using Microsoft.Data.Sqlite;

namespace ElsaFlow.Persistence.Sqlite;

/// <summary>
/// Creates the schema of a new store file from Sqlite/SqliteSchema.sql: the SQL <c>dotnet ef migrations script</c>
/// wrote for every migration, history rows included, run in one transaction. EF's Migrate builds each migration's
/// target model and diffs it before it writes the same SQL: about 0.6 s of CPU, paid by every command on a fresh
/// store (tests, CI, benchmarks, a first run). Migrate still runs after it for any migration newer than the script,
/// so a stale script costs only time; SqliteNewFileSchemaTests keeps it current and checks that it makes the same
/// schema as Migrate. Regenerate it after adding a migration:
/// <c>dotnet ef migrations script --project src/Persistence --startup-project src/Persistence --context SqliteElsaFlowDbContext -o src/Persistence/Sqlite/SqliteSchema.sql</c>
/// </summary>
internal static class SqliteNewFileSchema
{
    private const string ResourceName = "ElsaFlow.Persistence.Sqlite.SqliteSchema.sql";

    /// <summary>The table EF's Migrate locks with (not part of a migration script), written as EF writes it.</summary>
    private const string LockTable =
        "CREATE TABLE IF NOT EXISTS \"__EFMigrationsLock\" (\r\n    \"Id\" INTEGER NOT NULL CONSTRAINT \"PK___EFMigrationsLock\" PRIMARY KEY,\r\n    \"Timestamp\" TEXT NOT NULL\r\n);\n";

    /// <summary>Runs the script when the file has no table yet; an existing file is left to the migration check.</summary>
    public static void CreateIfNew(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        SqlitePragmaInterceptor.Apply(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table'";
        if (Convert.ToInt64(command.ExecuteScalar()) > 0) return;
        command.CommandText = LockTable + Script();
        try
        {
            command.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // Another process created the schema at the same moment; this transaction rolled back and Migrate sees theirs.
        }
    }

    /// <summary>The embedded script's text.</summary>
    public static string Script()
    {
        using var stream = typeof(SqliteNewFileSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the resource {ResourceName} is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
