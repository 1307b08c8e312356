using ElsaFlow.Activities.Data;
using ElsaFlow.Data;
using ElsaFlow.Data.Sql;
using ElsaFlow.Engine.ActivityModel;
using Microsoft.Data.Sqlite;

namespace ElsaFlow.Activities.Outputs;

/// <summary>
/// Writes a dataset into a table of a SQLite database file, in one transaction, many rows per INSERT. Upsert keeps a
/// unique index on the keys and uses INSERT ... ON CONFLICT DO UPDATE. Numbers stay numbers; dates and other types are stored as text.
/// </summary>
[Activity(Category = "Outputs", Description = "Write the dataset into a table of a SQLite database file (insert, overwrite or upsert)")]
public sealed class SqliteOutput : DatabaseOutput
{
    private const int RowsPerStatement = 500;
    // SQLite's limit on the parameters of one statement (SQLITE_MAX_VARIABLE_NUMBER, 32766 since 3.32).
    private const int MaxParameters = 32_000;

    protected override async Task WriteAsync(DataContext context, Dataset input)
    {
        if (context.Get(Mode) == TableWriteMode.Merge)
            throw new DataStepException($"mode: {context.Activity.ActivityType} writes insert, overwrite or upsert; merge is for the database server outputs");
        var target = TableTarget.Check(context.Get(Table), context.Get(Mode), context.Get(Keys), input);
        var path = OutputFiles.Prepare(context, context.Get(Path), "path");
        var ct = context.CancellationToken;
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        long rows = 0;
        try
        {
            foreach (var statement in Prepare(target, input))
                await Execute(connection, transaction, statement, ct);
            // SQLite has no bulk protocol: many rows per prepared INSERT (within its limit of parameters) is its fast path.
            var perStatement = Math.Max(1, Math.Min(RowsPerStatement, MaxParameters / input.Columns.Count));
            await using var insert = InsertCommand(connection, transaction, target, input, perStatement);
            var chunk = new List<object?[]>(perStatement);
            await foreach (var values in OutputRows.QueryAsync(context, CastSelect(input)))
            {
                chunk.Add(values);
                if (chunk.Count < perStatement) continue;
                rows += await InsertAsync(insert, chunk, ct);
            }
            if (chunk.Count > 0)
            {
                await using var last = InsertCommand(connection, transaction, target, input, chunk.Count);
                rows += await InsertAsync(last, chunk, ct);
            }
            await transaction.CommitAsync(ct);
        }
        catch (SqliteException e)
        {
            throw new DataStepException($"table: writing {target.Table} in '{context.Get(Path)}' failed: {e.Message}", e);
        }
        context.Wrote(path);
        context.Log($"wrote {rows} rows to table {target.Table} in {path} ({target.Mode.ToString().ToLowerInvariant()})");
    }

    private static IEnumerable<string> Prepare(TableTarget target, Dataset input)
    {
        var table = SqlText.Identifier(target.Table);
        if (target.Mode == TableWriteMode.Overwrite) yield return $"DROP TABLE IF EXISTS {table}";
        yield return $"CREATE TABLE IF NOT EXISTS {table} ({string.Join(", ", input.Columns.Select(c => $"{SqlText.Identifier(c.Name)} {Affinity(c.Type)}"))})";
        if (target.Mode == TableWriteMode.Upsert)
            yield return $"CREATE UNIQUE INDEX IF NOT EXISTS {SqlText.Identifier(target.Table + "_keys")} ON {table} ({SqlText.Identifiers(target.Keys)})";
    }

    /// <summary>Fills the command's parameters from the chunk's rows, runs it once and empties the chunk.</summary>
    private static async Task<int> InsertAsync(SqliteCommand insert, List<object?[]> chunk, CancellationToken ct)
    {
        var p = 0;
        foreach (var values in chunk)
            foreach (var value in values)
                insert.Parameters[p++].Value = value ?? DBNull.Value;
        await insert.ExecuteNonQueryAsync(ct);
        var count = chunk.Count;
        chunk.Clear();
        return count;
    }

    private static SqliteCommand InsertCommand(SqliteConnection connection, SqliteTransaction transaction, TableTarget target, Dataset input, int rowCount)
    {
        var names = input.Columns.Select(c => c.Name).ToList();
        var tuples = Enumerable.Range(0, rowCount).Select(r => "(" + string.Join(", ", names.Select((_, i) => "$p" + (r * names.Count + i))) + ")");
        var sql = $"INSERT INTO {SqlText.Identifier(target.Table)} ({SqlText.Identifiers(names)}) VALUES {string.Join(", ", tuples)}";
        if (target.Mode == TableWriteMode.Upsert)
        {
            var others = names.Where(n => !target.Keys.Contains(n, StringComparer.OrdinalIgnoreCase)).ToList();
            sql += $" ON CONFLICT ({SqlText.Identifiers(target.Keys)}) DO " + (others.Count == 0
                ? "NOTHING"
                : "UPDATE SET " + string.Join(", ", others.Select(n => $"{SqlText.Identifier(n)} = excluded.{SqlText.Identifier(n)}")));
        }
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < names.Count * rowCount; i++) command.Parameters.Add(new SqliteParameter("$p" + i, DBNull.Value));
        return command;
    }

    /// <summary>The input with every column in a form SQLite stores well: integers, doubles, blobs, or DuckDB's text.</summary>
    private static string CastSelect(Dataset input) =>
        $"SELECT {string.Join(", ", input.Columns.Select(c => $"CAST({SqlText.Identifier(c.Name)} AS {SqliteCast(c.Type)})"))} FROM {DataContext.From(input)}";

    private static async Task Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string Affinity(string duckType) => SqliteCast(duckType) switch
    {
        "INTEGER" or "BIGINT" => "INTEGER",
        "DOUBLE" => "REAL",
        "BLOB" => "BLOB",
        _ => "TEXT"
    };

    /// <summary>The DuckDB type a column is read as before it goes to SQLite.</summary>
    internal static string SqliteCast(string duckType) => duckType.ToUpperInvariant() switch
    {
        "BOOLEAN" or "TINYINT" or "SMALLINT" or "INTEGER" or "UTINYINT" or "USMALLINT" or "UINTEGER" => "INTEGER",
        "BIGINT" => "BIGINT",
        "FLOAT" or "DOUBLE" => "DOUBLE",
        var t when t.StartsWith("DECIMAL", StringComparison.Ordinal) => "DOUBLE",
        "BLOB" => "BLOB",
        _ => "VARCHAR"
    };
}
