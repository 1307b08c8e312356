using System.Text.Json.Nodes;

namespace ElsaFlow.Data;

/// <summary>
/// A reference to a relation (view or table) in an instance's workspace: what travels as a token between data
/// activities. Rows never leave the workspace.
/// </summary>
public sealed record Dataset(string Relation, IReadOnlyList<DataColumn> Columns, long? RowCount, bool Materialized)
{
    private const string Marker = "dataset";

    /// <summary>Where the rows are when they left the node that made them: a Parquet file in the shared dataset store (relative path).</summary>
    public string? Store { get; init; }

    /// <summary>
    /// The token form: <c>{"dataset": relation, "rowCount": n, "columns": [{name, type}], "materialized": bool}</c>, with
    /// <c>"store": "instance/relation.parquet"</c> when the rows live in the shared dataset store.
    /// </summary>
    public JsonObject ToToken()
    {
        var token = new JsonObject
        {
            [Marker] = Relation,
            ["rowCount"] = RowCount,
            ["columns"] = new JsonArray(Columns.Select(c => (JsonNode?)new JsonObject { ["name"] = c.Name, ["type"] = c.Type }).ToArray()),
            ["materialized"] = Materialized
        };
        if (Store is not null) token["store"] = Store;
        return token;
    }

    /// <summary>Reads a dataset token; null when the token is something else (a number, a plain object).</summary>
    public static Dataset? FromToken(JsonNode? token)
    {
        if (token is not JsonObject o || o[Marker] is not JsonValue relation || !relation.TryGetValue<string>(out var name)) return null;
        var columns = o["columns"] is JsonArray array
            ? array.OfType<JsonObject>().Select(c => new DataColumn(c["name"]!.GetValue<string>(), c["type"]?.GetValue<string>() ?? "VARCHAR")).ToList()
            : [];
        var rowCount = o["rowCount"] is JsonValue count && count.TryGetValue<long>(out var n) ? n : (long?)null;
        return new Dataset(name, columns, rowCount, o["materialized"] is JsonValue m && m.GetValue<bool>())
        {
            Store = o["store"] is JsonValue store && store.TryGetValue<string>(out var path) ? path : null
        };
    }

    public static bool IsDataset(JsonNode? token) => FromToken(token) is not null;

    public DataColumn? Column(string name) => Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A column of a dataset: its name and DuckDB type.</summary>
public sealed record DataColumn(string Name, string Type);
