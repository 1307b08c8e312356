using System.Text;
using System.Text.Json.Nodes;

namespace ElsaFlow.Engine.Expressions;

/// <summary>
/// Fills <c>${name}</c> placeholders in SQL so that a value is always data, wherever the author put the placeholder.
/// The text is scanned as SQL (DuckDB and PostgreSQL lexing): a bare placeholder becomes a quoted literal
/// (<see cref="SqlLiteral"/>); inside a '...' string its value is written as the string's text with quotes doubled (and
/// backslashes doubled inside E'...' strings), so <c>region = '${r}'</c> compares region with r whatever r holds. Inside a
/// "quoted name", a comment or a $$dollar-quoted$$ string a value cannot be written safely, so the flow is refused with
/// the form to use instead.
/// </summary>
internal static class SqlPlaceholders
{
    private enum Context { Code, Text, EscapeText, Name, LineComment, BlockComment, DollarText }

    public static string Fill(string sql, Func<string, JsonNode?> resolve, string field)
    {
        var result = new StringBuilder(sql.Length + 16);
        var context = Context.Code;
        var depth = 0;
        var tag = "";
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            var next = At(sql, i + 1);
            if (context == Context.DollarText && string.CompareOrdinal(sql, i, tag, 0, tag.Length) == 0)
            {
                result.Append(tag);
                i += tag.Length;
                context = Context.Code;
                continue;
            }
            if (c == '$' && next == '$' && At(sql, i + 2) == '{')
            {
                // "$${" is the escape: a literal "${", never a placeholder.
                result.Append("${");
                i += 3;
                continue;
            }
            if (c == '$' && next == '{')
            {
                var end = sql.IndexOf('}', i + 2);
                if (end < 0) throw new ExpressionException(field, $"placeholder '{Shorten(sql[i..])}' has no closing '}}'");
                var name = sql[(i + 2)..end].Trim();
                Write(result, context, name, resolve(name), field);
                i = end + 1;
                continue;
            }

            var step = 1;
            switch (context)
            {
                case Context.Code when c == '\'':
                    context = At(sql, i - 1) is 'e' or 'E' && !IsNameChar(At(sql, i - 2)) ? Context.EscapeText : Context.Text;
                    break;
                case Context.Code when c == '"':
                    context = Context.Name;
                    break;
                case Context.Code when c == '-' && next == '-':
                    (context, step) = (Context.LineComment, 2);
                    break;
                case Context.Code when c == '/' && next == '*':
                    (context, depth, step) = (Context.BlockComment, 1, 2);
                    break;
                case Context.Code when c == '$' && DollarTag(sql, i) is { } opening:
                    (context, tag, step) = (Context.DollarText, opening, opening.Length);
                    break;
                case Context.Text or Context.EscapeText when c == '\'' && next == '\'':
                case Context.EscapeText when c == '\\':
                case Context.Name when c == '"' && next == '"':
                    step = 2;
                    break;
                case Context.Text or Context.EscapeText when c == '\'':
                case Context.Name when c == '"':
                case Context.LineComment when c == '\n':
                    context = Context.Code;
                    break;
                case Context.BlockComment when c == '/' && next == '*':
                    (depth, step) = (depth + 1, 2);
                    break;
                case Context.BlockComment when c == '*' && next == '/':
                    (depth, step) = (depth - 1, 2);
                    if (depth == 0) context = Context.Code;
                    break;
            }
            step = Math.Min(step, sql.Length - i);
            result.Append(sql, i, step);
            i += step;
        }
        return result.ToString();
    }

    private static void Write(StringBuilder result, Context context, string name, JsonNode? value, string field)
    {
        var placeholder = $"${{{name}}}";
        switch (context)
        {
            case Context.Code:
                // A literal glued to a name would change the token before it: E${x} would open an E'...' string.
                if (result.Length > 0 && IsNameChar(result[^1])) result.Append(' ');
                result.Append(SqlLiteral.Format(value, name, field));
                break;
            case Context.Text:
                result.Append(SqlLiteral.Escape(SqlLiteral.Text(value, name, field), backslashes: false));
                break;
            case Context.EscapeText:
                result.Append(SqlLiteral.Escape(SqlLiteral.Text(value, name, field), backslashes: true));
                break;
            case Context.Name:
                throw new ExpressionException(field,
                    $"placeholder '{placeholder}' is inside a \"quoted name\"; a placeholder is a value, not a column or table name: write it bare, as in region = {placeholder}");
            case Context.LineComment or Context.BlockComment:
                throw new ExpressionException(field,
                    $"placeholder '{placeholder}' is inside a comment; take it out of the comment (or write $${{ for a literal ${{), as in region = {placeholder}");
            default:
                throw new ExpressionException(field,
                    $"placeholder '{placeholder}' is inside a $$dollar-quoted$$ string, where its value cannot be quoted; write it bare, as in region = {placeholder}, or inside '...'");
        }
    }

    /// <summary>The opening <c>$tag$</c> (or <c>$$</c>) of a dollar-quoted string at <paramref name="at"/>, or null.</summary>
    private static string? DollarTag(string sql, int at)
    {
        // "a$b$" is a name: a "$" inside a name does not open a string.
        if (IsNameChar(At(sql, at - 1))) return null;
        var end = at + 1;
        while (end < sql.Length && (char.IsLetter(sql[end]) || sql[end] == '_' || end > at + 1 && char.IsDigit(sql[end]))) end++;
        return At(sql, end) == '$' ? sql[at..(end + 1)] : null;
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';

    private static char At(string text, int index) => index >= 0 && index < text.Length ? text[index] : '\0';

    private static string Shorten(string text) => text.Length > 40 ? text[..37] + "..." : text;
}
