using System.Data.Common;
using Microsoft.Data.SqlClient;
using DataColumn = ElsaFlow.Data.DataColumn;

namespace ElsaFlow.Activities.Databases;

/// <summary>
/// SQL Server: rows through SqlBulkCopy inside the transaction; upsert as one MERGE from a #temporary table. TRUNCATE is
/// transactional in SQL Server, so overwrite uses it.
/// </summary>
internal sealed class SqlServerWriter() : TableWriter(SqlServerDialect.Instance)
{
    private const string Staging = "#elsaflow_staging";

    public override async Task<bool> ExistsAsync(DbConnection connection, string table, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT CASE WHEN OBJECT_ID(@p0, 'U') IS NULL THEN 0 ELSE 1 END";
        Dialect.AddParameter(command, 0, Dialect.QuoteTable(table));
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct)) == 1;
    }

    public override string ColumnType(string duckType, bool key) => duckType switch
    {
        "BOOLEAN" => "BIT",
        "TINYINT" or "SMALLINT" => "SMALLINT",
        "UTINYINT" => "TINYINT",
        "INTEGER" or "USMALLINT" => "INT",
        "BIGINT" or "UINTEGER" => "BIGINT",
        "UBIGINT" => "DECIMAL(20,0)",
        "FLOAT" => "REAL",
        "DOUBLE" => "FLOAT",
        "DATE" => "DATE",
        "TIME" => "TIME(7)",
        "TIMESTAMP" => "DATETIME2(7)",
        "TIMESTAMP WITH TIME ZONE" => "DATETIMEOFFSET(7)",
        "BLOB" => key ? "VARBINARY(900)" : "VARBINARY(MAX)",
        "UUID" => "UNIQUEIDENTIFIER",
        _ when duckType.StartsWith("DECIMAL", StringComparison.Ordinal) => duckType,
        // An index key is at most 900 bytes.
        _ => key ? "NVARCHAR(450)" : "NVARCHAR(MAX)"
    };

    public override string Clear(string table) => $"TRUNCATE TABLE {Dialect.QuoteTable(table)}";

    public override async Task<string> CreateStagingAsync(DbConnection connection, DbTransaction? transaction, string table, CancellationToken ct)
    {
        await DatabaseWrite.ExecuteAsync(connection, transaction, $"DROP TABLE IF EXISTS {Staging}", ct);
        await DatabaseWrite.ExecuteAsync(connection, transaction, $"SELECT TOP 0 * INTO {Staging} FROM {Dialect.QuoteTable(table)}", ct);
        return Staging;
    }

    public override string DropStaging(string staging) => $"DROP TABLE IF EXISTS {staging}";

    public override string Upsert(string table, string staging, IReadOnlyList<string> columns, IReadOnlyList<string> keys)
    {
        var match = string.Join(" AND ", keys.Select(k => $"t.{Q(k)} = s.{Q(k)}"));
        var others = columns.Where(c => !keys.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        var update = others.Count == 0 ? "" : "WHEN MATCHED THEN UPDATE SET " + string.Join(", ", others.Select(c => $"t.{Q(c)} = s.{Q(c)}")) + " ";
        var list = string.Join(", ", columns.Select(Q));
        return $"MERGE {Dialect.QuoteTable(table)} WITH (HOLDLOCK) AS t USING {staging} AS s ON {match} {update}" +
            $"WHEN NOT MATCHED THEN INSERT ({list}) VALUES ({string.Join(", ", columns.Select(c => "s." + Q(c)))});";
    }

    public override async Task<long> BulkAsync(DbConnection connection, DbTransaction? transaction, string quotedTable,
        IReadOnlyList<DataColumn> columns, IReadOnlyList<object?[]> rows, CancellationToken ct)
    {
        using var bulk = new SqlBulkCopy((SqlConnection)connection, SqlBulkCopyOptions.Default, (SqlTransaction?)transaction)
        {
            DestinationTableName = quotedTable,
            BulkCopyTimeout = 0,
            BatchSize = rows.Count,
        };
        for (var i = 0; i < columns.Count; i++) bulk.ColumnMappings.Add(i, columns[i].Name);
        await bulk.WriteToServerAsync(ClrRows.Table(columns, rows, guidsAsText: false), ct);
        return rows.Count;
    }
}
