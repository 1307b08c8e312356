using System.Data.Common;
using MySqlConnector;

namespace ElsaFlow.Activities.Databases;

/// <summary>
/// MySQL and MariaDB: rows through MySqlBulkCopy (LOAD DATA LOCAL INFILE from a stream), upsert as one
/// INSERT ... SELECT ... ON DUPLICATE KEY UPDATE from a session TEMPORARY table. Overwrite empties with DELETE: TRUNCATE
/// would commit the transaction on its own.
/// </summary>
internal class MySqlWriter(DatabaseDialect dialect) : TableWriter(dialect)
{
    private const string Staging = "elsaflow_staging";

    public override async Task<bool> ExistsAsync(DbConnection connection, string table, CancellationToken ct)
    {
        var (schema, name) = Split(table);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = COALESCE(@p0, DATABASE()) AND TABLE_NAME = @p1";
        Dialect.AddParameter(command, 0, schema);
        Dialect.AddParameter(command, 1, name);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct)) > 0;
    }

    public override string ColumnType(string duckType, bool key) => duckType switch
    {
        "BOOLEAN" => "BOOLEAN",
        "TINYINT" => "TINYINT",
        "SMALLINT" => "SMALLINT",
        "INTEGER" => "INT",
        "BIGINT" => "BIGINT",
        "UTINYINT" => "TINYINT UNSIGNED",
        "USMALLINT" => "SMALLINT UNSIGNED",
        "UINTEGER" => "INT UNSIGNED",
        "UBIGINT" => "BIGINT UNSIGNED",
        "FLOAT" => "FLOAT",
        "DOUBLE" => "DOUBLE",
        "DATE" => "DATE",
        "TIME" => "TIME(6)",
        // MySQL has no zoned type: instants are stored as their UTC time.
        "TIMESTAMP" or "TIMESTAMP WITH TIME ZONE" => "DATETIME(6)",
        "BLOB" => key ? "VARBINARY(255)" : "LONGBLOB",
        "UUID" => "CHAR(36)",
        "JSON" => "JSON",
        _ when duckType.StartsWith("DECIMAL", StringComparison.Ordinal) => duckType,
        // An index needs a bounded length.
        _ => key ? "VARCHAR(255)" : "LONGTEXT"
    };

    public override async Task CheckKeysAsync(DbConnection connection, string table, IReadOnlyList<string> keys, CancellationToken ct)
    {
        var (schema, name) = Split(table);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT INDEX_NAME, COLUMN_NAME FROM information_schema.STATISTICS
            WHERE TABLE_SCHEMA = COALESCE(@p0, DATABASE()) AND TABLE_NAME = @p1 AND NON_UNIQUE = 0 ORDER BY INDEX_NAME, SEQ_IN_INDEX
            """;
        Dialect.AddParameter(command, 0, schema);
        Dialect.AddParameter(command, 1, name);
        var indexes = new Dictionary<string, List<string>>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
            {
                var index = reader.GetString(0);
                if (!indexes.TryGetValue(index, out var list)) indexes[index] = list = [];
                list.Add(reader.GetString(1));
            }
        var wanted = keys.Select(k => k.ToLowerInvariant()).Order().ToList();
        if (!indexes.Values.Any(columns => columns.Select(c => c.ToLowerInvariant()).Order().SequenceEqual(wanted)))
            throw new Data.DataStepException($"keys: table {table} has no primary or unique key on ({string.Join(", ", keys)}); " +
                "upsert and merge match rows on such a key: add one, or create the table through this output");
    }

    public override string Clear(string table) => $"DELETE FROM {Dialect.QuoteTable(table)}";

    public override async Task<string> CreateStagingAsync(DbConnection connection, DbTransaction? transaction, string table, CancellationToken ct)
    {
        await DatabaseWrite.ExecuteAsync(connection, transaction, $"DROP TEMPORARY TABLE IF EXISTS {Q(Staging)}", ct);
        await DatabaseWrite.ExecuteAsync(connection, transaction, $"CREATE TEMPORARY TABLE {Q(Staging)} LIKE {Dialect.QuoteTable(table)}", ct);
        return Q(Staging);
    }

    public override string DropStaging(string staging) => $"DROP TEMPORARY TABLE IF EXISTS {staging}";

    public override string Upsert(string table, string staging, IReadOnlyList<string> columns, IReadOnlyList<string> keys)
    {
        var list = string.Join(", ", columns.Select(Q));
        var others = columns.Where(c => !keys.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        var update = others.Count == 0 ? $"{Q(keys[0])} = {Q(keys[0])}" : string.Join(", ", others.Select(c => $"{Q(c)} = VALUES({Q(c)})"));
        return $"INSERT INTO {Dialect.QuoteTable(table)} ({list}) SELECT {list} FROM {staging} ON DUPLICATE KEY UPDATE {update}";
    }

    public override async Task<long> BulkAsync(DbConnection connection, DbTransaction? transaction, string quotedTable,
        IReadOnlyList<ElsaFlow.Data.DataColumn> columns, IReadOnlyList<object?[]> rows, CancellationToken ct)
    {
        var bulk = new MySqlBulkCopy((MySqlConnection)connection, (MySqlTransaction?)transaction)
        {
            DestinationTableName = quotedTable,
            BulkCopyTimeout = 0,
            ConflictOption = Conflict,
        };
        for (var i = 0; i < columns.Count; i++) bulk.ColumnMappings.Add(new MySqlBulkCopyColumnMapping(i, columns[i].Name));
        var result = await bulk.WriteToServerAsync(ClrRows.Table(columns, rows, guidsAsText: true), ct);
        if (result.RowsInserted != rows.Count && Conflict == MySqlBulkLoaderConflictOption.None)
            throw new InvalidOperationException($"the server took {result.RowsInserted} of {rows.Count} rows" +
                (result.Warnings.Count > 0 ? ": " + result.Warnings[0].Message : ""));
        return result.RowsInserted;
    }

    /// <summary>What LOAD DATA does with a row whose key exists: fail (None) here; Doris replaces.</summary>
    protected virtual MySqlBulkLoaderConflictOption Conflict => MySqlBulkLoaderConflictOption.None;

    private static (string? Schema, string Name) Split(string table)
    {
        var dot = table.LastIndexOf('.');
        return dot < 0 ? (null, table.Trim()) : (table[..dot].Trim(), table[(dot + 1)..].Trim());
    }
}
