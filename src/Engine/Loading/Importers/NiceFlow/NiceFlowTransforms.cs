using System.Text.Json.Nodes;

namespace ElsaFlow.Engine.Loading.Importers.NiceFlow;

/// <summary>NiceFlow's transforms (FORMAT section 5, Transforms), keeping NiceFlow's output where the ElsaFlow activity differs.</summary>
internal static class NiceFlowTransforms
{
    public static IEnumerable<JsonObject> Sort(NiceFlowNodeContext c)
    {
        var a = c.Activity("Sort");
        var by = new JsonArray();
        foreach (var key in (c.Required("columns") as JsonArray ?? []).OfType<JsonObject>())
            by.Add(new JsonObject
            {
                ["column"] = key["field"]?.DeepClone(),
                ["descending"] = string.Equals(key["sort"]?.GetValue<string>(), "desc", StringComparison.OrdinalIgnoreCase)
            });
        a["by"] = by;
        yield return a;
    }

    public static IEnumerable<JsonObject> Rename(NiceFlowNodeContext c)
    {
        var a = c.Activity("Rename");
        var columns = new JsonObject();
        foreach (var pair in c.Properties.List("columns").OfType<JsonObject>())
            if (pair["field"]?.GetValue<string>() is { } field) columns[field] = pair["rename"]?.DeepClone();
        a["columns"] = columns;
        if (c.Properties.List("selects") is { Count: > 0 } selects) a["select"] = selects.DeepClone();
        if (c.Properties.List("excludes") is { Count: > 0 } excludes) a["drop"] = excludes.DeepClone();
        // NiceFlow (pandas) skips a rename or exclude of a column that is not there; ElsaFlow's Rename fails unless told.
        a["ignoreMissing"] = true;
        yield return a;
    }

    /// <summary>NiceFlow adds <c>field_mask</c> and repeats the sign even past the end; ElsaFlow's Masking replaces in place.</summary>
    public static IEnumerable<JsonObject> Masking(NiceFlowNodeContext c)
    {
        var rules = (c.Required("columns") as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (rules.Count > 1) c.Warn("columns", "NiceFlow masks only the first entry of columns; the others are ignored here too");
        if (rules.FirstOrDefault() is not { } rule) yield break;
        var field = rule["field"]?.GetValue<string>() ?? "";
        var start = rule["startIndex"]?.GetValue<int>() ?? 0;
        var length = rule["length"]?.GetValue<int>() ?? 0;
        var sign = (rule["sign"]?.GetValue<string>() ?? "*").Replace("'", "''");
        var x = $"CAST(\"{field}\" AS VARCHAR)";
        var a = c.Activity("AddField");
        a["fields"] = new JsonArray(new JsonObject
        {
            ["name"] = field + "_mask",
            ["expression"] = $"CASE WHEN \"{field}\" IS NULL THEN NULL ELSE substr({x}, 1, {start}) || repeat('{sign}', {length}) || substr({x}, {start + length + 1}) END"
        });
        yield return a;
    }

    public static IEnumerable<JsonObject> Samples(NiceFlowNodeContext c)
    {
        var a = c.Activity("Samples");
        var size = c.RequiredText("sample_size")?.Trim();
        if (size is null) yield break;
        if (size.EndsWith('%') && double.TryParse(size[..^1], System.Globalization.CultureInfo.InvariantCulture, out var percent)) a["fraction"] = percent / 100;
        else if (long.TryParse(size, out var n)) a["n"] = n;
        else c.Refuse("sample_size", $"'{size}' is neither a row count nor a percentage like 10%");
        yield return a;
    }

    public static IEnumerable<JsonObject> Sql(NiceFlowNodeContext c)
    {
        var a = c.Activity("SQL");
        if (c.RequiredText("sql") is { } sql) a["query"] = NiceFlowSql.Raw(c, "sql", NiceFlowSql.BuiltIns(sql));
        var tables = new JsonArray();
        foreach (var input in (c.Required("inputs") as JsonArray ?? []).OfType<JsonObject>())
        {
            var step = input["step"]?.GetValue<string>() ?? "";
            if (c.IdOf(step) is not { } id) { c.Refuse("inputs", $"step '{step}' is not a node of the flow"); continue; }
            tables.Add(new JsonObject { ["step"] = id, ["table"] = input["table"]?.DeepClone() });
        }
        a["tables"] = tables;
        if (c.Properties.List("function_paths").Count > 0) c.Refuse("function_paths", "Python UDF files cannot run in ElsaFlow");
        yield return a;
    }

    public static IEnumerable<JsonObject> Filter(NiceFlowNodeContext c)
    {
        var a = c.Activity("Filter");
        var condition = c.Properties.Text("condition") ?? "";
        a["condition"] = NiceFlowText.HasPlaceholder(condition)
            ? NiceFlowSql.Raw(c, "condition", condition)
            : new JsonObject { ["expression"] = new JsonObject { ["type"] = "Sql", ["value"] = condition.Length == 0 ? "true" : condition } };
        yield return a;
    }

    /// <summary>ROW_NUMBER over the keys ordered by order_fields, keeping rn = 1 and the rn column, as NiceFlow does.</summary>
    public static IEnumerable<JsonObject> Duplicate(NiceFlowNodeContext c)
    {
        var keys = c.Properties.Get("duplicate_fields") switch
        {
            JsonArray list => list.Select(k => k?.GetValue<string>() ?? "").ToList(),
            JsonValue v when v.TryGetValue<string>(out var s) => s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList(),
            _ => []
        };
        var order = c.RequiredText("order_fields");
        var direction = (c.Properties.Text("order_type") ?? "DESC").Trim().ToUpperInvariant() == "ASC" ? "ASC" : "DESC";
        if (order is null || NiceFlowSql.InputTable(c) is not { } table) yield break;
        var orderBy = string.Join(", ", order.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(o => $"\"{o}\" {direction}"));
        var partition = keys.Count > 0 ? "PARTITION BY " + string.Join(", ", keys.Select(k => $"\"{k}\"")) + " " : "";
        var a = c.Activity("SQL");
        a["query"] = $"SELECT * FROM (SELECT *, ROW_NUMBER() OVER ({partition}ORDER BY {orderBy}) AS rn FROM {table}) WHERE rn = 1";
        yield return a;
    }

    /// <summary>Group, with the result columns named as DuckDB names them in NiceFlow (<c>count(x)</c>).</summary>
    public static IEnumerable<JsonObject> Agg(NiceFlowNodeContext c)
    {
        var a = c.Activity("Group");
        a["by"] = (c.Properties.Get("keys", "key") switch
        {
            JsonArray list => list,
            JsonValue v => new JsonArray(v.DeepClone()),
            _ => []
        }).DeepClone();
        var aggregations = new JsonArray();
        foreach (var agg in c.Properties.List("aggs").OfType<JsonObject>())
        {
            var column = agg["value"]?.GetValue<string>() ?? "";
            var function = agg["agg"]?.GetValue<string>() ?? "";
            var native = function.ToLowerInvariant() switch { "group_concat" or "string_agg" or "listagg" => "string_agg", "mean" => "avg", var f => f };
            aggregations.Add(new JsonObject { ["column"] = column, ["function"] = native, ["as"] = $"{function}({column})" });
        }
        a["aggregations"] = aggregations;
        yield return a;
    }

    /// <summary>One Mapping per column, chained; the last one carries the node's id.</summary>
    public static IEnumerable<JsonObject> Mapping(NiceFlowNodeContext c)
    {
        var columns = (c.Required("columns") as JsonArray ?? []).OfType<JsonObject>().ToList();
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            var a = i == columns.Count - 1 ? c.Activity("Mapping") : c.Helper("Mapping", $"map{i + 1}");
            var field = column["field"]?.GetValue<string>() ?? "";
            a["column"] = field;
            if (column["mapping_field"]?.GetValue<string>() is { Length: > 0 } target && target != field) a["target"] = target;
            if (column["default"] is { } fallback) a["default"] = fallback.DeepClone();
            if (column["value_mapping"] is JsonObject values) a["values"] = values.DeepClone();
            else if (column["plugin_mapping"] is JsonObject lookup)
            {
                // The dictionary is another step's dataset: its edge goes to this activity's Lookup port, not to In.
                var step = lookup["step_name"]?.GetValue<string>() ?? "";
                if (c.IdOf(step) is null || !c.Node.Previous.Contains(step))
                    c.Refuse("plugin_mapping.step_name", $"step '{step}' is not a node with an edge into this one");
                if (!c.Lookups.TryGetValue(step, out var targets)) c.Lookups[step] = targets = [];
                targets.Add(a["id"]!.GetValue<string>());
                a["lookupKey"] = lookup["key_field"]?.DeepClone();
                a["lookupValue"] = lookup["value_field"]?.DeepClone();
            }
            yield return a;
        }
    }

    /// <summary>NiceFlow keeps the split column and adds <c>new_column</c>, one row per part: one SQL step does exactly that.</summary>
    public static IEnumerable<JsonObject> SplitToRows(NiceFlowNodeContext c)
    {
        var column = c.RequiredText("column");
        var split = (c.Properties.Text("split") ?? ",").Replace("'", "''");
        var newColumn = c.Properties.Text("new_column") ?? $"new_{column}";
        c.Properties.Ignore("mode");
        if (column is null || NiceFlowSql.InputTable(c) is not { } table) yield break;
        var a = c.Activity("SQL");
        a["query"] = $"SELECT *, unnest(string_split(CAST(\"{column}\" AS VARCHAR), '{split}')) AS \"{newColumn}\" FROM {table}";
        yield return a;
    }

    /// <summary>Function replaces an existing column in place and adds a new one; which is which is known only at run time.</summary>
    public static IEnumerable<JsonObject> Function(NiceFlowNodeContext c, bool alwaysAdd)
    {
        var columns = (c.Required("columns") as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (c.Properties.List("function_paths").Count > 0) c.Refuse("function_paths", "Python function files cannot run in ElsaFlow");
        if (columns.Count == 0) yield break;
        var fields = new JsonArray();
        foreach (var column in columns)
        {
            var expression = NiceFlowSql.BuiltIns(column["function"]?.GetValue<string>() ?? "");
            if (NiceFlowText.HasPlaceholder(expression)) c.Refuse("columns", "${} inside a Function expression is not imported yet");
            fields.Add(new JsonObject { ["name"] = column["key"]?.DeepClone(), ["expression"] = expression });
        }
        if (alwaysAdd)
        {
            var add = c.Activity("AddField");
            add["fields"] = fields;
            yield return add;
            yield break;
        }
        if (NiceFlowSql.InputTable(c) is not { } table) yield break;
        // REPLACE keeps an existing column's place; COLUMNS(...) drops the ones that exist so new ones are added at the end.
        var keys = string.Join(", ", columns.Select(col => "'" + (col["key"]?.GetValue<string>() ?? "").Replace("'", "''") + "'"));
        var selects = string.Join(", ", fields.OfType<JsonObject>().Select(f => $"{f["expression"]} AS \"{f["name"]}\""));
        var sql = c.Activity("SQL");
        sql["query"] = $"SELECT COLUMNS(c -> c NOT IN ({keys})), {selects} FROM {table}";
        c.Warn("columns", "a Function column that already exists moves to the end (NiceFlow replaces it in place)");
        yield return sql;
    }

    public static IEnumerable<JsonObject> Pivot(NiceFlowNodeContext c)
    {
        var a = c.Activity("RowToColumn");
        a["column"] = c.RequiredText("key");
        a["value"] = c.RequiredText("value");
        a["function"] = c.Properties.Text("agg") ?? "first";
        yield return a;
    }
}
