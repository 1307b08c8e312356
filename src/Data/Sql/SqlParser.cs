using System.Collections.Concurrent;
using System.Text.Json;
using DuckDB.NET.Data;

namespace ElsaFlow.Data.Sql;

/// <summary>
/// DuckDB's own parser, reached through <c>json_serialize_sql</c> in a private in-memory database: the SQL is a bound
/// parameter and is only parsed, never bound or run. json_serialize_sql serializes SELECT statements only, and reports
/// anything else as an error, which is the first half of every check.
/// </summary>
internal static class SqlParser
{
    // Query trees nest deeply (a CTE inside a subquery inside a join is already 20 levels); DuckDB caps expression depth itself.
    private static readonly JsonDocumentOptions Deep = new() { MaxDepth = 4096 };

    // The parser's database: no files, no extensions, settings locked; one thread, as it only parses (a worker thread
    // would double the cost of each call). Further connections are duplicates of this one.
    private static readonly Lazy<DuckDBConnection> Database = new(() =>
    {
        var connection = new DuckDBConnection(new DuckDBConnectionStringBuilder
        {
            DataSource = DuckDBConnectionStringBuilder.InMemoryDataSource,
            ["threads"] = "1",
            ["enable_external_access"] = "false",
            ["autoinstall_known_extensions"] = "false",
            ["autoload_known_extensions"] = "false",
            ["lock_configuration"] = "true"
        }.ConnectionString);
        connection.Open();
        return connection;
    });

    // One prepared command per connection; connections are not thread-safe, so each caller takes one from the pool.
    private static readonly ConcurrentBag<DuckDBCommand> Idle = [];

    /// <summary>The parse tree as <c>{"error": false, "statements": [...]}</c>, or <c>{"error": true, "error_type", "error_message"}</c>.</summary>
    public static JsonDocument Parse(string sql)
    {
        var command = Idle.TryTake(out var idle) ? idle : NewCommand();
        try
        {
            command.Parameters[0].Value = sql;
            return JsonDocument.Parse((string)command.ExecuteScalar()!, Deep);
        }
        finally
        {
            command.Parameters[0].Value = null;
            Idle.Add(command);
        }
    }

    private static DuckDBCommand NewCommand()
    {
        var connection = Database.Value.Duplicate();
        connection.Open();
        var command = connection.CreateCommand();
        command.CommandText = "SELECT json_serialize_sql(?::VARCHAR)";
        command.Parameters.Add(new DuckDBParameter { Value = "" });
        command.Prepare();
        return command;
    }
}
