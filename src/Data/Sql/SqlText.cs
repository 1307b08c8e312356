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
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => Number(v),
        JsonValue v when v.GetValueKind() == JsonValueKind.True => "TRUE",
        JsonValue v when v.GetValueKind() == JsonValueKind.False => "FALSE",
        JsonValue v when v.TryGetValue<string>(out var s) => String(s),
        _ => String(value.ToJsonString())
    };

    // A JSON number may hold a long, a decimal or a double: read it as the kind it is.
    private static string Number(JsonValue value) =>
        value.TryGetValue<long>(out var whole) ? whole.ToString(CultureInfo.InvariantCulture)
        : value.TryGetValue<decimal>(out var exact) ? exact.ToString(CultureInfo.InvariantCulture)
        : value.GetValue<double>().ToString("R", CultureInfo.InvariantCulture);

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
