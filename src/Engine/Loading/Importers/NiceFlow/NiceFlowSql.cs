using System.Text.Json.Nodes;

namespace ElsaFlow.Engine.Loading.Importers.NiceFlow;

/// <summary>SQL-bearing properties: NiceFlow's <c>${}</c> there is raw text, made explicit and reported.</summary>
internal static class NiceFlowSql
{
    public static JsonNode Raw(NiceFlowNodeContext c, string field, string sql)
    {
        if (!NiceFlowText.HasPlaceholder(sql)) return JsonValue.Create(sql);
        c.Warn(field, "NiceFlow pastes ${} into SQL as raw text: imported as a JavaScript expression that builds the statement "
            + "(values are not quoted; a value from outside can change the query, as in NiceFlow)");
        return NiceFlowText.Sql(sql);
    }

    /// <summary>The table name a single-input SQL step sees its input under (the predecessor's id), quoted.</summary>
    public static string? InputTable(NiceFlowNodeContext c)
    {
        if (c.DataStep is { } step) return "\"" + step + "\"";
        c.Refuse(null, "the node has no inbound edge, so it has no data to work on");
        return null;
    }

    /// <summary>NiceFlow's built-in UDFs rewritten as plain SQL.</summary>
    public static string BuiltIns(string expression) =>
        System.Text.RegularExpressions.Regex.Replace(
            System.Text.RegularExpressions.Regex.Replace(expression, @"\bprint_hello\s*\(([^()]*)\)", "('hello:' || $1)"),
            @"\b(empty|value_map)\s*\(\s*\)", "''");
}
