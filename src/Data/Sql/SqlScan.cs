using System.Text;

namespace ElsaFlow.Data.Sql;

/// <summary>
/// A light lexical pass over SQL (strings, quoted names, comments and dollar quotes skipped) used only to word refusals
/// well: which statement keyword was refused, whether a fragment closes the parentheses it is placed in. Decisions are
/// DuckDB's parser's; this only explains them.
/// </summary>
internal static class SqlScan
{
    /// <summary>The first word of every statement, upper-cased ("SELECT", "COPY"...); statements are split at ';'.</summary>
    public static IReadOnlyList<string> Heads(string sql)
    {
        var heads = new List<string>();
        var word = new StringBuilder();
        var looking = true;
        foreach (var c in Code(sql))
        {
            if (c == ';')
            {
                if (word.Length > 0) heads.Add(word.ToString());
                word.Clear();
                looking = true;
            }
            else if (looking && char.IsLetter(c)) word.Append(char.ToUpperInvariant(c));
            else if (looking && (word.Length > 0 || !char.IsWhiteSpace(c)))
            {
                if (word.Length == 0) word.Append(c);
                looking = false;
            }
        }
        if (word.Length > 0) heads.Add(word.ToString());
        return heads;
    }

    /// <summary>True when the text holds a ';' or closes a parenthesis it did not open.</summary>
    public static bool LeavesParentheses(string sql)
    {
        var depth = 0;
        foreach (var c in Code(sql))
        {
            if (c == ';') return true;
            if (c == '(') depth++;
            if (c == ')' && --depth < 0) return true;
        }
        return false;
    }

    // The characters outside string literals, quoted names, comments and dollar-quoted strings; each skipped part reads as a space.
    private static IEnumerable<char> Code(string sql)
    {
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            var next = i + 1 < sql.Length ? sql[i + 1] : '\0';
            if (c is '\'' or '"')
            {
                var escapes = c == '\'' && i > 0 && sql[i - 1] is 'e' or 'E';
                i++;
                while (i < sql.Length && !(sql[i] == c && (i + 1 >= sql.Length || sql[i + 1] != c)))
                    i += sql[i] == c || escapes && sql[i] == '\\' ? 2 : 1;
                i++;
                yield return ' ';
            }
            else if (c == '-' && next == '-')
            {
                while (i < sql.Length && sql[i] != '\n') i++;
                yield return ' ';
            }
            else if (c == '/' && next == '*')
            {
                var depth = 0;
                do
                {
                    if (sql[i] == '/' && i + 1 < sql.Length && sql[i + 1] == '*') { depth++; i += 2; }
                    else if (sql[i] == '*' && i + 1 < sql.Length && sql[i + 1] == '/') { depth--; i += 2; }
                    else i++;
                } while (depth > 0 && i < sql.Length);
                yield return ' ';
            }
            else if (c == '$' && DollarTag(sql, i) is { } tag)
            {
                var end = sql.IndexOf(tag, i + tag.Length, StringComparison.Ordinal);
                i = end < 0 ? sql.Length : end + tag.Length;
                yield return ' ';
            }
            else
            {
                i++;
                yield return c;
            }
        }
    }

    /// <summary>The opening <c>$tag$</c> (or <c>$$</c>) of a dollar-quoted string at <paramref name="at"/>, or null.</summary>
    private static string? DollarTag(string sql, int at)
    {
        if (at > 0 && (char.IsLetterOrDigit(sql[at - 1]) || sql[at - 1] is '_' or '$')) return null;
        var end = at + 1;
        while (end < sql.Length && (char.IsLetter(sql[end]) || sql[end] == '_' || end > at + 1 && char.IsDigit(sql[end]))) end++;
        return end < sql.Length && sql[end] == '$' ? sql[at..(end + 1)] : null;
    }
}
