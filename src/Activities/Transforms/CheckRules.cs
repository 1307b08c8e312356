using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ElsaFlow.Activities.Data;
using ElsaFlow.Data;
using ElsaFlow.Data.Sql;

namespace ElsaFlow.Activities.Transforms;

/// <summary>
/// Turns Checker rules into SQL: for each rule a condition that is true when a row breaks it, and the label written
/// to the error column ("amount: range 0..100"). NULL breaks only notNull.
/// </summary>
internal static partial class CheckRules
{
    public static readonly string[] Names = ["notNull", "unique", "range", "regex", "in", "type", "sql"];

    public static (string Broken, string Label) Compile(CheckRule rule, Dataset input)
    {
        var name = Name(rule.Rule) ?? throw new DataStepException($"rules: rule '{rule.Rule}' is not one of {string.Join(", ", Names)}");
        if (name == "sql" && string.IsNullOrWhiteSpace(rule.Column))
            return (SqlBroken(rule), $"sql {Text(rule, "a SQL predicate")}");
        var column = Columns.Require(input, rule.Column, "rules");
        var c = SqlText.Identifier(column);
        return name switch
        {
            "notNull" => ($"{c} IS NULL", $"{column}: not null"),
            "unique" => ($"{c} IS NOT NULL AND count(*) OVER (PARTITION BY {c}) > 1", $"{column}: unique"),
            "range" => Range(rule, column, c),
            "regex" => ($"NOT regexp_full_match(CAST({c} AS VARCHAR), {SqlText.String(Text(rule, "a pattern"))})", $"{column}: regex {Text(rule, "a pattern")}"),
            "in" => In(rule, column, c),
            "type" => Type(rule, column, c),
            _ => (SqlBroken(rule), $"{column}: sql {Text(rule, "a SQL predicate")}")
        };
    }

    // A sql rule is broken when its predicate is false; NULL passes, as for every other rule.
    private static string SqlBroken(CheckRule rule) => $"NOT coalesce({UserSql.Expression(Text(rule, "a SQL predicate"), "rules")}, TRUE)";

    /// <summary>True when a raw rule name is the sql rule.</summary>
    public static bool IsSql(JsonNode? rule) => rule is JsonValue v && v.TryGetValue<string>(out var text) && Name(text) == "sql";

    private static string? Name(string? rule) =>
        Names.FirstOrDefault(n => string.Equals(n, (rule ?? "").Replace(" ", "").Replace("_", ""), StringComparison.OrdinalIgnoreCase)
                                  || rule is "in list" or "inList" && n == "in");

    private static (string, string) Range(CheckRule rule, string column, string c)
    {
        JsonNode? min, max;
        if (rule.Value is JsonArray { Count: 2 } pair) (min, max) = (pair[0], pair[1]);
        else if (rule.Value is JsonValue v && v.TryGetValue<string>(out var text) && text.Split("..") is [var low, var high])
            (min, max) = (Bound(low), Bound(high));
        else throw new DataStepException($"rules: the range of '{column}' must be \"min..max\" or [min, max] (either end may be empty), not {rule.Value?.ToJsonString() ?? "nothing"}");
        var broken = new List<string>();
        if (min is not null) broken.Add($"{c} < {SqlText.Literal(min)}");
        if (max is not null) broken.Add($"{c} > {SqlText.Literal(max)}");
        if (broken.Count == 0) throw new DataStepException($"rules: the range of '{column}' needs a min or a max");
        return ($"coalesce({string.Join(" OR ", broken)}, FALSE)", $"{column}: range {Show(min)}..{Show(max)}");
    }

    private static JsonNode? Bound(string text)
    {
        text = text.Trim();
        if (text.Length == 0) return null;
        // Parsed from JSON text, so SqlText.Literal can read the number as either long or double.
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? JsonNode.Parse(number.ToString("R", CultureInfo.InvariantCulture)) : JsonValue.Create(text);
    }

    private static string Show(JsonNode? bound) => bound switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => bound.ToJsonString()
    };

    private static (string, string) In(CheckRule rule, string column, string c)
    {
        if (rule.Value is not JsonArray { Count: > 0 } list)
            throw new DataStepException($"rules: the 'in' rule of '{column}' needs a list of allowed values, e.g. [\"EU\", \"US\"]");
        var values = string.Join(", ", list.Select(SqlText.Literal));
        return ($"coalesce({c} NOT IN ({values}), FALSE)", $"{column}: in [{string.Join(", ", list.Select(Show))}]");
    }

    private static (string, string) Type(CheckRule rule, string column, string c)
    {
        var type = Text(rule, "a type such as INTEGER, DOUBLE, DATE");
        if (!TypeName().IsMatch(type)) throw new DataStepException($"rules: '{type}' is not a type name; use one such as INTEGER, DOUBLE, DATE, DECIMAL(10,2)");
        return ($"{c} IS NOT NULL AND TRY_CAST({c} AS {type.ToUpperInvariant()}) IS NULL", $"{column}: type {type}");
    }

    private static string Text(CheckRule rule, string what) =>
        rule.Value is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s
            : throw new DataStepException($"rules: the {rule.Rule} rule{(string.IsNullOrEmpty(rule.Column) ? "" : $" of '{rule.Column}'")} needs a value: {what}");

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_ ]*(\(\s*\d+\s*(,\s*\d+\s*)?\))?$")]
    private static partial Regex TypeName();
}
