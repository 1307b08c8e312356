using MySqlConnector;
using DataColumn = ElsaFlow.Data.DataColumn;

namespace ElsaFlow.Activities.Databases;

/// <summary>
/// Apache Doris over the MySQL protocol: rows through LOAD DATA LOCAL (Doris's "MySQL load"), as for MySQL. Doris has no
/// ON DUPLICATE KEY UPDATE and no temporary tables: upsert relies on a Unique Key table, where a loaded row replaces
/// the row with its key (LOAD DATA ... REPLACE, which MySQL and MariaDB read the same way). A created table is a Unique
/// Key table on the keys (Duplicate Key model without keys), hash-distributed, one replica.
/// </summary>
internal sealed class DorisWriter() : MySqlWriter(DorisDialect.Instance)
{
    /// <summary>Loads replace rows with the same key: that is upsert on Doris, with no staging table.</summary>
    public override bool LoadReplaces => true;

    protected override MySqlBulkLoaderConflictOption Conflict => MySqlBulkLoaderConflictOption.Replace;

    public override string CreateTable(string table, IReadOnlyList<DataColumn> columns, IReadOnlyList<string> keys)
    {
        // Doris wants the key columns first.
        var ordered = columns.OrderBy(c => keys.Contains(c.Name, StringComparer.OrdinalIgnoreCase) ? 0 : 1).ToList();
        var definitions = ordered.Select(c => $"{Q(c.Name)} {ColumnType(c.Type, keys.Contains(c.Name, StringComparer.OrdinalIgnoreCase))}");
        var model = keys.Count > 0
            ? $"UNIQUE KEY ({string.Join(", ", keys.Select(Q))}) DISTRIBUTED BY HASH ({string.Join(", ", keys.Select(Q))})"
            : $"DUPLICATE KEY ({Q(ordered[0].Name)}) DISTRIBUTED BY RANDOM";
        return $"CREATE TABLE {Dialect.QuoteTable(table)} ({string.Join(", ", definitions)}) {model} BUCKETS 1 PROPERTIES (\"replication_num\" = \"1\")";
    }

    public override string ColumnType(string duckType, bool key) => duckType switch
    {
        "UTINYINT" => "SMALLINT",
        "USMALLINT" => "INT",
        "UINTEGER" => "BIGINT",
        "UBIGINT" => "LARGEINT",
        "TIME" => "VARCHAR(16)",
        "BLOB" => "STRING",
        "UUID" => "VARCHAR(36)",
        "TIMESTAMP" or "TIMESTAMP WITH TIME ZONE" => "DATETIME(6)",
        "VARCHAR" => key ? "VARCHAR(255)" : "STRING",
        _ => base.ColumnType(duckType, key)
    };

    /// <summary>Doris's unique key is its table model, which information_schema does not list as an index: nothing to check.</summary>
    public override Task CheckKeysAsync(System.Data.Common.DbConnection connection, string table, IReadOnlyList<string> keys, CancellationToken ct) =>
        Task.CompletedTask;
}
