using ElsaFlow.Persistence.EntityFramework;
using Microsoft.Data.Sqlite;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ElsaFlow.Persistence.Sqlite;

/// <summary>Opens the embedded SQLite store: creates the folder, applies migrations, returns a ready store.</summary>
public static class SqliteWorkflowStore
{
    /// <summary>Opens (creating when needed) the database file and brings its schema up to date.</summary>
    /// <param name="databasePath">The .db file; its folder is created when missing.</param>
    /// <param name="fastCommits">Commit through <see cref="SqliteInstanceCommitWriter"/> (prepared SQL), and save and list definition
    /// versions through <see cref="SqliteDefinitionVersions"/>, instead of plain EF.</param>
    public static EfWorkflowStore Open(string databasePath, bool fastCommits = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var fullPath = Path.GetFullPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        return Create(ConnectionStringFor(fullPath), fastCommits);
    }

    /// <summary>A store over an existing connection string; applies migrations first.</summary>
    public static EfWorkflowStore Create(string connectionString, bool fastCommits = true)
    {
        var options = BuildOptions(connectionString);
        if (!IsCurrent(connectionString))
        {
            SqliteNewFileSchema.CreateIfNew(connectionString);
            if (!IsCurrent(connectionString))
                using (var db = new SqliteElsaFlowDbContext(options))
                    db.Database.Migrate();
        }
        var writer = fastCommits ? new SqliteInstanceCommitWriter(connectionString) : null;
        var compiled = BuildOptions(connectionString, compiledModel: true);
        return new EfWorkflowStore(() => new SqliteElsaFlowDbContext(compiled), writer, fastCommits ? new SqliteDefinitionVersions(connectionString) : null);
    }

    /// <summary>
    /// Whether the file already has the newest migration. Asking EF (Migrate on an up-to-date file) costs most of a
    /// second of a command's start; one query of the history table costs a millisecond.
    /// </summary>
    private static bool IsCurrent(string connectionString)
    {
        var newest = NewestMigration();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId DESC LIMIT 1";
        try
        {
            return newest is not null && command.ExecuteScalar() is string applied && string.CompareOrdinal(applied, newest) >= 0;
        }
        catch (SqliteException)
        {
            return false; // no history table yet: a new file
        }
    }

    /// <summary>The id of the newest SQLite migration in this assembly.</summary>
    internal static string? NewestMigration() => typeof(SqliteWorkflowStore).Assembly.GetTypes()
        .Where(t => typeof(Migration).IsAssignableFrom(t) && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(SqliteElsaFlowDbContext))
        .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
        .Max(StringComparer.Ordinal);

    /// <summary>A pooled connection string for the file.</summary>
    public static string ConnectionStringFor(string databasePath) => new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Pooling = true,
        DefaultTimeout = SqlitePragmaInterceptor.BusyTimeoutMilliseconds / 1000,
    }.ToString();

    /// <summary>
    /// Context options with the SQLite provider and the WAL/busy-timeout pragmas on every connection. With
    /// <paramref name="compiledModel"/> the model is the one generated into Sqlite/CompiledModel instead of being built
    /// from OnModelCreating on the first query of every process (a few hundred ms of a command's start). Migrations
    /// keep the built model: they compare it with their snapshots. After a model change, regenerate it:
    /// <c>dotnet ef dbcontext optimize --project src/Persistence --startup-project src/Persistence --context
    /// SqliteElsaFlowDbContext --output-dir Sqlite/CompiledModel --namespace ElsaFlow.Persistence.Sqlite.CompiledModel</c>
    /// (SqliteCompiledModelTests fails until then).
    /// </summary>
    public static DbContextOptions<SqliteElsaFlowDbContext> BuildOptions(string connectionString, bool compiledModel = false)
    {
        var builder = new DbContextOptionsBuilder<SqliteElsaFlowDbContext>()
            .UseSqlite(connectionString)
            .AddInterceptors(new SqlitePragmaInterceptor());
        if (compiledModel) builder.UseModel(CompiledModel.SqliteElsaFlowDbContextModel.Instance);
        return builder.Options;
    }
}
