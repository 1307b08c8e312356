using System.Data.Common;
using ElsaFlow.Data;

namespace ElsaFlow.Activities.Databases;

/// <summary>
/// The SQL and the bulk path of one server for the outputs. Every statement is built from quoted names; rows only ever
/// travel through the server's bulk protocol, never as text in SQL.
/// </summary>
internal abstract class TableWriter(DatabaseDialect dialect)
{
    protected DatabaseDialect Dialect { get; } = dialect;

    protected string Q(string name) => Dialect.Quote(name);

    /// <summary>Whether the server's transactions cover the writes (ClickHouse has none).</summary>
    public virtual bool Transactional => true;

    /// <summary>A bulk load replaces the rows whose keys exist (Doris's Unique Key model): upsert needs no staging table.</summary>
    public virtual bool LoadReplaces => false;

    public abstract Task<bool> ExistsAsync(DbConnection connection, string table, CancellationToken ct);

    /// <summary>CREATE TABLE from the dataset's columns; the keys (if any) become the primary key.</summary>
    public virtual string CreateTable(string table, IReadOnlyList<DataColumn> columns, IReadOnlyList<string> keys)
    {
        var definitions = columns.Select(c => $"{Q(c.Name)} {ColumnType(c.Type, keys.Contains(c.Name, StringComparer.OrdinalIgnoreCase))}"
            + (keys.Contains(c.Name, StringComparer.OrdinalIgnoreCase) ? " NOT NULL" : ""));
        var primary = keys.Count > 0 ? $", PRIMARY KEY ({string.Join(", ", keys.Select(Q))})" : "";
        return $"CREATE TABLE {Dialect.QuoteTable(table)} ({string.Join(", ", definitions)}{primary})";
    }

    /// <summary>The server's column type for a DuckDB type; a key column needs a type the server can index.</summary>
    public abstract string ColumnType(string duckType, bool key);

    /// <summary>Checks, before anything is written, that upsert and merge can match rows on the keys (a unique key exists).</summary>
    public virtual Task CheckKeysAsync(DbConnection connection, string table, IReadOnlyList<string> keys, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Statement that empties the table inside the transaction (TRUNCATE where it is transactional, DELETE elsewhere).</summary>
    public abstract string Clear(string table);

    /// <summary>Creates the staging table (same columns as the target, private to the session) and returns its name, quoted.</summary>
    public abstract Task<string> CreateStagingAsync(DbConnection connection, DbTransaction? transaction, string table, CancellationToken ct);

    public abstract string DropStaging(string staging);

    /// <summary>INSERT ... SELECT from the staging table that updates the rows whose keys exist.</summary>
    public abstract string Upsert(string table, string staging, IReadOnlyList<string> columns, IReadOnlyList<string> keys);

    /// <summary>Deletes the target rows whose keys are not in the staging table (the second half of merge).</summary>
    public virtual string DeleteMissing(string table, string staging, IReadOnlyList<string> keys) =>
        $"DELETE FROM {Dialect.QuoteTable(table)} WHERE NOT EXISTS (SELECT 1 FROM {staging} AS s WHERE " +
        string.Join(" AND ", keys.Select(k => $"s.{Q(k)} = {Dialect.QuoteTable(table)}.{Q(k)}")) + ")";

    /// <summary>Sends rows through the server's bulk path into a table (quoted name); returns the rows the server took.</summary>
    public abstract Task<long> BulkAsync(DbConnection connection, DbTransaction? transaction, string quotedTable,
        IReadOnlyList<DataColumn> columns, IReadOnlyList<object?[]> rows, CancellationToken ct);
}
