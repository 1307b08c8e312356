using System.Text.Json;

namespace ElsaFlow.Data.Sql;

/// <summary>
/// Walks a parse tree from <see cref="SqlParser"/> and refuses what user SQL may not reach: tables other than the ones it
/// was given (a file path in FROM is a table name to the parser), table functions other than a few that only make rows
/// from values, functions that read the settings or write logs, and prepared-statement parameters. CTE names count as
/// tables only where they are in scope, so a CTE cannot lend its name to a file read elsewhere in the query.
/// </summary>
internal sealed class SqlTreeRules(string field, IReadOnlySet<string> tables, string tablesDescription)
{
    /// <summary>Table functions that make rows out of values; every other one reads files, the catalog or the settings.</summary>
    private static readonly IReadOnlySet<string> RowFunctions =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "range", "generate_series", "unnest", "json_each", "json_tree" };

    private static readonly IReadOnlySet<string> RefusedFunctions =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "current_setting", "getenv", "write_log" };

    private const string FileAdvice = "SQL reads only the datasets that reach it: use CsvInput, ParquetInput or JsonInput to read files";

    private static readonly IReadOnlySet<string> NoNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    public void Check(JsonElement tree) => Walk(tree, NoNames);

    private void Walk(JsonElement element, IReadOnlySet<string> ctes)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray()) Walk(item, ctes);
            return;
        }
        if (element.ValueKind != JsonValueKind.Object) return;

        if (element.TryGetProperty("cte_map", out var cteMap) && cteMap.TryGetProperty("map", out var map) && map.GetArrayLength() > 0)
        {
            // Each CTE sees the ones before it (and itself, when recursive: see RECURSIVE_CTE_NODE); the query sees them all.
            var scope = new HashSet<string>(ctes, StringComparer.OrdinalIgnoreCase);
            foreach (var entry in map.EnumerateArray())
            {
                Walk(entry.GetProperty("value"), scope);
                scope.Add(entry.GetProperty("key").GetString()!);
            }
            ctes = scope;
        }
        if (Text(element, "type") == "RECURSIVE_CTE_NODE")
            ctes = new HashSet<string>(ctes, StringComparer.OrdinalIgnoreCase) { Text(element, "cte_name") };

        CheckNode(element, ctes);
        foreach (var property in element.EnumerateObject())
            if (property.Name != "cte_map") Walk(property.Value, ctes);
    }

    private void CheckNode(JsonElement node, IReadOnlySet<string> ctes)
    {
        if (node.TryGetProperty("class", out _))
        {
            // An expression.
            switch (Text(node, "class"))
            {
                case "PARAMETER":
                    throw Refuse("$1 and ? parameters are not supported; write ${name} placeholders, which are filled from the flow's inputs and variables");
                case "FUNCTION" or "WINDOW" when RefusedFunctions.Contains(Text(node, "function_name")):
                    throw Refuse($"the function {Text(node, "function_name")}() is not allowed in a flow's SQL");
            }
            return;
        }
        switch (Text(node, "type"))
        {
            case "BASE_TABLE":
                CheckTable(node, ctes);
                break;
            case "TABLE_FUNCTION":
                var function = node.GetProperty("function");
                var name = Text(function, "function_name");
                if (!RowFunctions.Contains(name) || Text(function, "schema") != "" || Text(function, "catalog") != "")
                    throw Refuse($"the table function {name}() is not allowed ({FileAdvice}; the table functions SQL may use are " +
                                 $"{string.Join(", ", RowFunctions.Order(StringComparer.Ordinal))})");
                break;
            case "SHOW_REF":
                throw Refuse("DESCRIBE, SHOW and SUMMARIZE are not allowed; write a SELECT query");
        }
    }

    private void CheckTable(JsonElement table, IReadOnlySet<string> ctes)
    {
        var (catalog, schema, name) = (Text(table, "catalog_name"), Text(table, "schema_name"), Text(table, "table_name"));
        var shown = string.Join('.', new[] { catalog, schema, name }.Where(part => part.Length > 0));
        if (catalog.Length == 0 && (schema.Length == 0 && ctes.Contains(name) || tables.Contains(schema.Length == 0 ? name : $"{schema}.{name}"))) return;
        var looksLikeFile = name.IndexOfAny(['/', '\\', '.', '*', ':']) >= 0;
        throw Refuse(looksLikeFile
            ? $"'{shown}' is not a table it can read: {FileAdvice}"
            : $"table '{shown}' is not one of {tablesDescription}");
    }

    private UserSqlException Refuse(string message) => new(field, message);

    private static string Text(JsonElement node, string property) =>
        node.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
