using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ElsaFlow.Data.Sql;

/// <summary>Quotes names and values for DuckDB SQL: never paste user text into a statement without these.</summary>
public static class SqlText
{
    /// <summary>A quoted identifier: <c>"my ""odd"" column"</c>.</summary>
    public static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

    /// <summary>A comma-separated list of quoted identifiers.</summary>
    public static string Identifiers(IEnumerable<string> names) => string.Join(", ", names.Select(Identifier));

    /// <summary>A quoted string literal: <c>'O''Brien'</c>.</summary>
    public static string String(string value) => "'" + value.Replace("'", "''") + "'";

    /// <summary>A literal for a JSON value: numbers as numbers, booleans, NULL, everything else as a string.</summary>
    public static string Literal(JsonNode? value) => value switch
    {
        null => "NULL",
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => Convert.ToString(v.GetValue<double>() % 1 == 0 && Math.Abs(v.GetValue<double>()) < 1e15
            ? (object)v.GetValue<long>() : v.GetValue<double>(), CultureInfo.InvariantCulture)!,
        JsonValue v when v.GetValueKind() == JsonValueKind.True => "TRUE",
        JsonValue v when v.GetValueKind() == JsonValueKind.False => "FALSE",
        JsonValue v when v.TryGetValue<string>(out var s) => String(s),
        _ => String(value.ToJsonString())
    };

    /// <summary>A literal for a CLR value.</summary>
    public static string Literal(object? value) => value switch
    {
        null => "NULL",
        string s => String(s),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f and (int or long or double or decimal or float or short) => f.ToString(null, CultureInfo.InvariantCulture),
        JsonNode node => Literal(node),
        _ => String(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")
    };
}
