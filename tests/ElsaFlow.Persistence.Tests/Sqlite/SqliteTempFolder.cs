using Microsoft.Data.Sqlite;

namespace ElsaFlow.Persistence.Tests.Sqlite;

/// <summary>A temporary folder for one test class's database files, deleted when the class is done.</summary>
public sealed class SqliteTempFolder : IDisposable
{
    private int _next;

    public string Path { get; } = Directory.CreateTempSubdirectory("elsaflow-store-").FullName;

    /// <summary>A path for a database file no test has used yet.</summary>
    public string NewDatabasePath() => System.IO.Path.Combine(Path, $"store-{Interlocked.Increment(ref _next)}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}
