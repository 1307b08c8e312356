using System.Text.Json;
using System.Text.Json.Nodes;

namespace ElsaFlow.Engine.Expressions;

/// <summary>Formats a JSON value as an SQL literal, or as the text of one, so placeholder values can never become SQL syntax.</summary>
/// <remarks>
/// Strings are single-quoted with quotes doubled (standard SQL, as DuckDB, PostgreSQL and SQLite read them).
/// Backslashes are left alone: they are plain characters in standard SQL; MySQL's backslash escapes need its
/// NO_BACKSLASH_ESCAPES mode, or parameters instead of placeholders. A NUL character is refused: the SQL text reaches
/// the database as a C string, which would end there.
/// </remarks>
internal static class SqlLiteral
{
    public static string Format(JsonNode? value, string name, string field) => value switch
    {
        null => "NULL",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => Quote(Checked(JsonValues.ToText(v), name, field)),
            JsonValueKind.Number => Number(v, name, field),
            JsonValueKind.True => "TRUE",
            JsonValueKind.False => "FALSE",
            _ => "NULL"
        },
        // Objects and arrays go in as their JSON text, as a string literal.
        _ => Quote(JsonValues.ToJsonText(value))
    };

    /// <summary>The value as text to write inside a string literal: what a text placeholder would write.</summary>
    public static string Text(JsonNode? value, string name, string field) => Checked(Placeholders.AsText(value), name, field);

    public static string Quote(string text) => "'" + Escape(text, backslashes: false) + "'";

    /// <summary>Text for the inside of a '...' literal: quotes doubled, and backslashes too inside an E'...' literal.</summary>
    public static string Escape(string text, bool backslashes)
    {
        var escaped = text.Replace("'", "''", StringComparison.Ordinal);
        return backslashes ? escaped.Replace("\\", "\\\\", StringComparison.Ordinal) : escaped;
    }

    private static string Checked(string text, string name, string field) =>
        text.Contains('\0') ? throw new ExpressionException(field, $"placeholder '${{{name}}}' holds a NUL character, which SQL text cannot carry") : text;

    private static string Number(JsonValue value, string name, string field)
    {
        var text = JsonValues.Format(value);
        // A number that serializes as anything but a plain numeral (NaN, Infinity from a CLR double) is refused.
        if (!double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) || !double.IsFinite(d))
            throw new ExpressionException(field, $"placeholder '${{{name}}}' is not a finite number: {text}");
        // Parenthesized so that "a -${n}" with n = -5 cannot become "a --5", a comment.
        return text.StartsWith('-') ? $"({text})" : text;
    }
}
