using System.Data.Common;
using System.Globalization;
using Npgsql;
using DataColumn = ElsaFlow.Data.DataColumn;

namespace ElsaFlow.Activities.Databases;

/// <summary>
/// PostgreSQL: rows through binary COPY, each value converted to the type of its target column (COPY BINARY takes no
/// implicit casts); upsert as one INSERT ... SELECT ... ON CONFLICT (keys) DO UPDATE from a TEMP table.
/// </summary>
internal sealed class PostgresWriter() : TableWriter(PostgresDialect.Instance)
{
    private const string Staging = "elsaflow_staging";

    public override async Task<bool> ExistsAsync(DbConnection connection, string table, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT to_regclass(@p0) IS NOT NULL";
        Dialect.AddParameter(command, 0, Dialect.QuoteTable(table));
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    public override string ColumnType(string duckType, bool key) => duckType switch
    {
        "BOOLEAN" => "BOOLEAN",
        "TINYINT" or "SMALLINT" or "UTINYINT" => "SMALLINT",
        "INTEGER" or "USMALLINT" => "INTEGER",
        "BIGINT" or "UINTEGER" => "BIGINT",
        "UBIGINT" => "NUMERIC(20,0)",
        "FLOAT" => "REAL",
        "DOUBLE" => "DOUBLE PRECISION",
        "DATE" => "DATE",
        "TIME" => "TIME",
        "TIMESTAMP" => "TIMESTAMP",
        "TIMESTAMP WITH TIME ZONE" => "TIMESTAMPTZ",
        "BLOB" => "BYTEA",
        "UUID" => "UUID",
        "JSON" => "JSONB",
        _ when duckType.StartsWith("DECIMAL", StringComparison.Ordinal) => "NUMERIC" + duckType["DECIMAL".Length..],
        _ => "TEXT"
    };

    public override string Clear(string table) => $"TRUNCATE {Dialect.QuoteTable(table)}";

    public override async Task<string> CreateStagingAsync(DbConnection connection, DbTransaction? transaction, string table, CancellationToken ct)
    {
        await DatabaseWrite.ExecuteAsync(connection, transaction, $"DROP TABLE IF EXISTS pg_temp.{Q(Staging)}", ct);
        await DatabaseWrite.ExecuteAsync(connection, transaction,
            $"CREATE TEMP TABLE {Q(Staging)} (LIKE {Dialect.QuoteTable(table)} INCLUDING DEFAULTS) ON COMMIT DROP", ct);
        return $"pg_temp.{Q(Staging)}";
    }

    public override string DropStaging(string staging) => $"DROP TABLE IF EXISTS {staging}";

    public override string Upsert(string table, string staging, IReadOnlyList<string> columns, IReadOnlyList<string> keys)
    {
        var list = string.Join(", ", columns.Select(Q));
        var others = columns.Where(c => !keys.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        var action = others.Count == 0 ? "DO NOTHING" : "DO UPDATE SET " + string.Join(", ", others.Select(c => $"{Q(c)} = EXCLUDED.{Q(c)}"));
        return $"INSERT INTO {Dialect.QuoteTable(table)} ({list}) SELECT {list} FROM {staging} ON CONFLICT ({string.Join(", ", keys.Select(Q))}) {action}";
    }

    public override async Task<long> BulkAsync(DbConnection connection, DbTransaction? transaction, string quotedTable,
        IReadOnlyList<DataColumn> columns, IReadOnlyList<object?[]> rows, CancellationToken ct)
    {
        var npgsql = (NpgsqlConnection)connection;
        var types = await TargetTypesAsync(npgsql, quotedTable, columns, ct);
        await using var importer = await npgsql.BeginBinaryImportAsync(
            $"COPY {quotedTable} ({string.Join(", ", columns.Select(c => Q(c.Name)))}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            for (var i = 0; i < row.Length; i++)
                if (row[i] is null) await importer.WriteNullAsync(ct);
                else await importer.WriteAsync(Convert(row[i]!, types[i]), types[i], ct);
        }
        return (long)await importer.CompleteAsync(ct);
    }

    /// <summary>The PostgreSQL type of each target column (without modifiers), by the dataset's column names.</summary>
    private static async Task<string[]> TargetTypesAsync(NpgsqlConnection connection, string quotedTable, IReadOnlyList<DataColumn> columns, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {quotedTable} LIMIT 0";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var schema = (await reader.GetColumnSchemaAsync(ct)).ToDictionary(c => c.ColumnName, c => c.DataTypeName ?? "text", StringComparer.OrdinalIgnoreCase);
        return columns.Select(c => schema.TryGetValue(c.Name, out var type)
            ? (type.IndexOf('(') is var open and > 0 ? type[..open].Trim() : type)
            : throw new Data.DataStepException($"In: column '{c.Name}' is not in table {quotedTable}; its columns are {string.Join(", ", schema.Keys)}")).ToArray();
    }

    /// <summary>A value as the CLR type Npgsql writes for the column's type.</summary>
    private static object Convert(object value, string type) => type switch
    {
        "smallint" => System.Convert.ToInt16(value, CultureInfo.InvariantCulture),
        "integer" => System.Convert.ToInt32(value, CultureInfo.InvariantCulture),
        "bigint" => System.Convert.ToInt64(value, CultureInfo.InvariantCulture),
        "real" => System.Convert.ToSingle(value, CultureInfo.InvariantCulture),
        "double precision" => System.Convert.ToDouble(value, CultureInfo.InvariantCulture),
        "numeric" => value is string s ? decimal.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture) : System.Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        "boolean" => System.Convert.ToBoolean(value, CultureInfo.InvariantCulture),
        "date" => value switch { DateOnly d => d, DateTime dt => DateOnly.FromDateTime(dt), _ => DateOnly.Parse(Text(value), CultureInfo.InvariantCulture) },
        "timestamp without time zone" => value switch
        {
            DateTime dt => DateTime.SpecifyKind(dt, DateTimeKind.Unspecified),
            DateTimeOffset dto => DateTime.SpecifyKind(dto.UtcDateTime, DateTimeKind.Unspecified),
            DateOnly d => d.ToDateTime(TimeOnly.MinValue),
            _ => DateTime.Parse(Text(value), CultureInfo.InvariantCulture)
        },
        "timestamp with time zone" => value switch
        {
            DateTimeOffset dto => dto.UtcDateTime,
            DateTime dt => dt.Kind == DateTimeKind.Utc ? dt : DateTime.SpecifyKind(dt, DateTimeKind.Utc),
            _ => DateTimeOffset.Parse(Text(value), CultureInfo.InvariantCulture).UtcDateTime
        },
        "time without time zone" => value switch { TimeOnly t => t.ToTimeSpan(), TimeSpan span => span, _ => TimeSpan.Parse(Text(value), CultureInfo.InvariantCulture) },
        "bytea" => value as byte[] ?? System.Text.Encoding.UTF8.GetBytes(Text(value)),
        "uuid" => value is Guid g ? g : Guid.Parse(Text(value)),
        _ => Text(value)
    };

    private static string Text(object value) => value switch
    {
        string s => s,
        DateTime dt => dt.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? ""
    };
}
