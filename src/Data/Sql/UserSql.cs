using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ElsaFlow.Data.Sql;

/// <summary>
/// Checks the SQL a flow author writes (queries, conditions, field expressions) with DuckDB's own parser before any of it
/// reaches a workspace: a query is exactly one SELECT over the tables it was given, an expression is exactly one
/// expression that cannot close the parentheses it is placed in, and neither may read files, the catalog or the
/// settings. Each check returns the text to paste; a refusal is a <see cref="UserSqlException"/> naming the field.
/// </summary>
/// <remarks>
/// An expression is parsed as <c>SELECT __elsaflow_fragment((text\n))</c> and must give back exactly that shape: one
/// statement, one call of the marker function with one argument, nothing else. The call's parentheses then pair with
/// each other, so the text between them is balanced and complete, and <c>((text\n))</c> can be pasted anywhere an
/// expression goes without changing the statement around it. The newline ends a trailing <c>--</c> comment.
/// </remarks>
public static partial class UserSql
{
    private const string Marker = "__elsaflow_fragment";

    private const int CacheSize = 4096;
    private const int CachedLength = 8192;

    // The parse of a fragment of exactly the expected shape: its JSON text and the text of its argument, positions zeroed.
    private static readonly Lazy<(string Text, string Hole)> Template = new(() =>
    {
        using var tree = SqlParser.Parse(Wrap("NULL"));
        return (Unplaced(tree.RootElement.GetRawText()), Unplaced(Argument(tree.RootElement)!.Value.GetRawText()));
    });

    // Checks are pure functions of their text (and tables), and a flow's SQL repeats: in loops, in every run of a flow.
    // Passed checks of texts up to 8 KB are remembered, so a repeated one costs a lookup instead of a parse.
    private static readonly ConcurrentDictionary<string, string> Passed = new(StringComparer.Ordinal);

    /// <summary>
    /// A query: one SELECT (WITH, UNION, VALUES and FROM-first forms included) reading only <paramref name="tables"/>
    /// ("name", or "schema.name" for other schemas; case-insensitive). Returns the query without trailing semicolons and
    /// with a newline at the end, so it can be pasted before more SQL.
    /// </summary>
    public static string Query(string sql, string field, IReadOnlyCollection<string> tables) =>
        Remembered($"query\0{string.Join('\0', tables.Order(StringComparer.OrdinalIgnoreCase))}\0{sql}", () => CheckQuery(sql, field, tables));

    /// <summary>
    /// The checks of <see cref="Query"/> that need no tables (one SELECT that parses), for validating a flow before it
    /// runs, when the tables a query will see are not known yet.
    /// </summary>
    public static void QuerySyntax(string sql, string field)
    {
        using var tree = SqlParser.Parse(sql);
        var root = tree.RootElement;
        if (root.GetProperty("error").GetBoolean()) throw NotAQuery(sql, field, root);
        var statements = root.GetProperty("statements").GetArrayLength();
        if (statements == 0) throw new UserSqlException(field, "give a SELECT query");
        if (statements > 1) throw new UserSqlException(field, $"give one SELECT query; this text holds {statements} statements separated by ';'");
    }

    /// <summary>An expression or condition over the columns of a row; returns it parenthesized, ready to paste.</summary>
    public static string Expression(string sql, string field) => Remembered($"expression\0{sql}", () => CheckExpression(sql, field));

    private static string Remembered(string key, Func<string> check)
    {
        if (Passed.TryGetValue(key, out var known)) return known;
        var result = check();
        if (key.Length > CachedLength) return result;
        if (Passed.Count >= CacheSize) Passed.Clear();
        Passed[key] = result;
        return result;
    }

    private static string CheckQuery(string sql, string field, IReadOnlyCollection<string> tables)
    {
        using var tree = SqlParser.Parse(sql);
        var root = tree.RootElement;
        if (root.GetProperty("error").GetBoolean())
            throw NotAQuery(sql, field, root);
        var statements = root.GetProperty("statements");
        if (statements.GetArrayLength() == 0) throw new UserSqlException(field, "give a SELECT query");
        if (statements.GetArrayLength() > 1)
            throw new UserSqlException(field, $"give one SELECT query; this text holds {statements.GetArrayLength()} statements separated by ';'");
        var names = new HashSet<string>(tables, StringComparer.OrdinalIgnoreCase);
        var description = names.Count == 0 ? "the tables it can read (none)" : $"the tables it can read: {string.Join(", ", tables)}";
        new SqlTreeRules(field, names, description).Check(statements[0]);
        var text = sql.TrimEnd();
        while (text.EndsWith(';')) text = text[..^1].TrimEnd();
        return text + "\n";
    }

    private static string CheckExpression(string sql, string field)
    {
        using var tree = SqlParser.Parse(Wrap(sql));
        var root = tree.RootElement;
        if (root.GetProperty("error").GetBoolean())
            throw SqlScan.LeavesParentheses(sql) || root.GetProperty("error_type").GetString() != "parser"
                ? BreaksOut(sql, field)
                : new UserSqlException(field, SyntaxError(root, sql, Opening.Length, "expression"));
        if (!SameShape(root)) throw BreaksOut(sql, field);
        new SqlTreeRules(field, new HashSet<string>(), "the tables an expression can read (none: it sees the columns of the row)").Check(Argument(root)!.Value);
        return $"(({sql}\n))";
    }

    private const string Opening = $"SELECT {Marker}((";

    private static string Wrap(string sql) => $"{Opening}{sql}\n))";

    // The parsed call must equal the template's everywhere but in its argument, positions aside: the template's text with
    // its argument's text replaced by the fragment's is the fragment's text exactly when the trees have the same shape.
    private static bool SameShape(JsonElement parsed)
    {
        if (Argument(parsed) is not { } argument) return false;
        var (text, hole) = Template.Value;
        return text.Replace(hole, Unplaced(argument.GetRawText()), StringComparison.Ordinal) == Unplaced(parsed.GetRawText());
    }

    // The first argument of the first select item of the first statement, when the tree has one.
    private static JsonElement? Argument(JsonElement root) =>
        root.TryGetProperty("statements", out var statements) && statements.GetArrayLength() > 0
        && statements[0].TryGetProperty("node", out var node) && node.TryGetProperty("select_list", out var items) && items.GetArrayLength() > 0
        && items[0].TryGetProperty("children", out var children) && children.ValueKind == JsonValueKind.Array && children.GetArrayLength() > 0
            ? children[0] : null;

    private static string Unplaced(string json) => QueryLocation().Replace(json, "\"query_location\":0");

    [GeneratedRegex("\"query_location\":[0-9]+")]
    private static partial Regex QueryLocation();

    private static UserSqlException NotAQuery(string sql, string field, JsonElement error)
    {
        if (error.GetProperty("error_type").GetString() == "parser") return new UserSqlException(field, SyntaxError(error, sql, 0, "query"));
        var refused = SqlScan.Heads(sql).FirstOrDefault(h => h is not ("SELECT" or "WITH" or "FROM" or "VALUES" or "TABLE" or "("));
        return new UserSqlException(field, refused is null
            ? "give one SELECT query; only SELECT statements are allowed"
            : $"{refused} is not allowed: give one SELECT query{Advice(refused)}");
    }

    private static UserSqlException BreaksOut(string sql, string field)
    {
        var statement = SqlScan.Heads(sql).Skip(1).FirstOrDefault();
        return new UserSqlException(field, "give one SQL expression, such as amount > 10 AND region = 'EU'; this text closes the parentheses it is " +
                                           $"placed in, or adds clauses or statements{(statement is null ? "" : $" ({statement}{Advice(statement)})")}");
    }

    private static string Advice(string keyword) => keyword switch
    {
        "COPY" or "EXPORT" or "IMPORT" => "; read files with CsvInput, ParquetInput or JsonInput and write them with the output activities",
        "ATTACH" or "DETACH" or "USE" => "; read other databases with DuckDBInput or SqliteInput",
        "INSTALL" or "LOAD" or "FORCE" => "; extensions cannot be installed or loaded",
        "SET" or "RESET" or "PRAGMA" or "CALL" => "; the settings of a workspace are fixed",
        "PIVOT" or "UNPIVOT" => "; write SELECT * FROM t PIVOT (...) (or UNPIVOT), or use RowToColumn or ColumnToRow",
        "CREATE" or "DROP" or "ALTER" or "INSERT" or "UPDATE" or "DELETE" or "TRUNCATE" or "MERGE" or "VACUUM" or "CHECKPOINT" =>
            "; a query only reads: each step's result is kept for you, and the output activities write tables",
        _ => ""
    };

    private static string Message(JsonElement error) => error.GetProperty("error_message").GetString() ?? "the SQL does not parse";

    // DuckDB's message placed in the text the author wrote, never in the SQL around it: its position (in characters of
    // the parsed text), less the length of what was put before the text, is a line and column of the text, and a
    // position past its end (the wrapper's closing parentheses, or the end of input) means the text stops too soon.
    private static string SyntaxError(JsonElement error, string sql, int offset, string what)
    {
        var message = Message(error);
        if (!error.TryGetProperty("position", out var place) || !int.TryParse(place.GetString(), out var position)) return message;
        var at = position - offset;
        if (at < 0) return message;
        var written = sql.TrimEnd();
        if (at >= written.Length)
            return $"the {what} stops before it is complete: \"{Tail(written)}\" needs more after it";
        var before = sql[..at];
        var column = at - before.LastIndexOf('\n');
        var where = sql.Contains('\n') ? $"line {1 + before.Count(c => c == '\n')}, column {column}" : $"character {column}";
        return $"{message}, at {where}: \"{Around(sql, at)}\"";
    }

    private static string Tail(string text) => text.Length <= 60 ? text : "..." + text[^57..];

    // The text around a position, on one line.
    private static string Around(string text, int at)
    {
        var start = Math.Max(0, at - 30);
        var end = Math.Min(text.Length, at + 30);
        var excerpt = (start > 0 ? "..." : "") + text[start..end] + (end < text.Length ? "..." : "");
        return excerpt.ReplaceLineEndings(" ");
    }
}
