using System.Runtime.CompilerServices;
using ElsaFlow.Activities.Data;
using ElsaFlow.Activities.Outputs;
using ElsaFlow.Data;
using ElsaFlow.Data.Sql;

namespace ElsaFlow.Activities.Databases;

/// <summary>
/// The dataset's rows in batches of plain CLR values the client libraries take: DuckDB types no server shares (lists,
/// structs, intervals, huge integers...) are cast to text or DECIMAL first, blobs become byte arrays. One batch is in
/// memory at a time.
/// </summary>
internal static class OutputBatches
{
    public static async IAsyncEnumerable<List<object?[]>> ReadAsync(DataContext context, Dataset input, int size,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        var batch = new List<object?[]>(Math.Min(size, 100_000));
        await foreach (var row in OutputRows.QueryAsync(context, Select(input)).WithCancellation(ct))
        {
            for (var i = 0; i < row.Length; i++) row[i] = Plain(row[i]);
            batch.Add(row);
            if (batch.Count < size) continue;
            yield return batch;
            batch = new List<object?[]>(batch.Count);
        }
        if (batch.Count > 0) yield return batch;
    }

    /// <summary>The columns as they are sent, with the DuckDB type each is read as.</summary>
    public static IReadOnlyList<DataColumn> Columns(Dataset input) => input.Columns.Select(c => new DataColumn(c.Name, SentType(c.Type))).ToList();

    private static string Select(Dataset input) =>
        $"SELECT {string.Join(", ", input.Columns.Select(c => SentType(c.Type) == c.Type.ToUpperInvariant()
            ? SqlText.Identifier(c.Name)
            : $"CAST({SqlText.Identifier(c.Name)} AS {SentType(c.Type)}) AS {SqlText.Identifier(c.Name)}"))} FROM {DataContext.From(input)}";

    /// <summary>The DuckDB type a column is read as before it is sent.</summary>
    public static string SentType(string duckType)
    {
        var type = duckType.ToUpperInvariant();
        return type switch
        {
            "BOOLEAN" or "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "UTINYINT" or "USMALLINT" or "UINTEGER" or "UBIGINT"
                or "FLOAT" or "DOUBLE" or "DATE" or "TIME" or "TIMESTAMP" or "TIMESTAMP WITH TIME ZONE" or "BLOB" or "UUID" or "VARCHAR" or "JSON" => type,
            "TIMESTAMPTZ" => "TIMESTAMP WITH TIME ZONE",
            "TIMESTAMP_S" or "TIMESTAMP_MS" or "TIMESTAMP_NS" => "TIMESTAMP",
            "HUGEINT" or "UHUGEINT" => "DECIMAL(38,0)",
            _ when type.StartsWith("DECIMAL", StringComparison.Ordinal) => type,
            _ => "VARCHAR"
        };
    }

    private static object? Plain(object? value) => value switch
    {
        Stream stream => ReadAll(stream),
        _ => value
    };

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
