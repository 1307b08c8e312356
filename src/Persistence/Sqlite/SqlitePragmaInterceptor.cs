using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ElsaFlow.Persistence.Sqlite;

/// <summary>
/// Puts every opened connection in WAL mode with synchronous=NORMAL (a killed process loses no commit) and a busy
/// timeout, so a second process on the same file waits for the lock instead of failing.
/// </summary>
public sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    /// <summary>How long SQLite waits for another connection's write lock.</summary>
    public const int BusyTimeoutMilliseconds = 30_000;

    public const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";

    /// <summary>For read-only connections (EF opens one to see whether the file exists): WAL cannot be switched on there.</summary>
    public const string ReadOnlyPragmas = "PRAGMA busy_timeout=30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    /// <summary>Runs the pragmas on an open connection.</summary>
    public static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        var readOnly = new SqliteConnectionStringBuilder(connection.ConnectionString).Mode == SqliteOpenMode.ReadOnly;
        command.CommandText = readOnly ? ReadOnlyPragmas : Pragmas;
        command.ExecuteNonQuery();
    }
}
