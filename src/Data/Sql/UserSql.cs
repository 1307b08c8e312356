using System.Text.Json;

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
public static class UserSql
{
    private const string Marker = "__elsaflow_fragment";
    private const string FragmentPath = "statements[0].node.select_list[0].children[0]";

    private static readonly Lazy<JsonDocument> Template = new(() => SqlParser.Parse(Wrap("NULL")));

    /// <summary>
    /// A query: one SELECT (WITH, UNION, VALUES and FROM-first forms included) reading only <paramref name="tables"/>
    /// ("name", or "schema.name" for other schemas; case-insensitive). Returns the query without trailing semicolons and
    /// with a newline at the end, so it can be pasted before more SQL.
    /// </summary>
    public static string Query(string sql, string field, IReadOnlyCollection<string> tables)
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

    /// <summary>An expression or condition over the columns of a row; returns it parenthesized, ready to paste.</summary>
    public static string Expression(string sql, string field)
    {
        using var tree = SqlParser.Parse(Wrap(sql));
        var root = tree.RootElement;
        if (root.GetProperty("error").GetBoolean())
            throw SqlScan.LeavesParentheses(sql) || root.GetProperty("error_type").GetString() != "parser"
                ? BreaksOut(sql, field)
                : new UserSqlException(field, Message(root));
        if (!SameShape(Template.Value.RootElement, root, ""))
            throw BreaksOut(sql, field);
        var fragment = root.GetProperty("statements")[0].GetProperty("node").GetProperty("select_list")[0].GetProperty("children")[0];
        new SqlTreeRules(field, new HashSet<string>(), "the tables an expression can read (none: it sees the columns of the row)").Check(fragment);
        return $"(({sql}\n))";
    }

    private static string Wrap(string sql) => $"SELECT {Marker}(({sql}\n))";

    // The parsed call must equal the template's everywhere but in its argument (positions aside).
    private static bool SameShape(JsonElement expected, JsonElement actual, string path)
    {
        if (path == FragmentPath) return true;
        if (expected.ValueKind != actual.ValueKind) return false;
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var names = expected.EnumerateObject().Select(p => p.Name).Where(n => n != "query_location").ToList();
                if (names.Count != actual.EnumerateObject().Count(p => p.Name != "query_location")) return false;
                return names.All(n => actual.TryGetProperty(n, out var value) && SameShape(expected.GetProperty(n), value, path.Length == 0 ? n : $"{path}.{n}"));
            case JsonValueKind.Array:
                return expected.GetArrayLength() == actual.GetArrayLength()
                       && expected.EnumerateArray().Zip(actual.EnumerateArray()).Select((pair, i) => SameShape(pair.First, pair.Second, $"{path}[{i}]")).All(same => same);
            default:
                return expected.GetRawText() == actual.GetRawText();
        }
    }

    private static UserSqlException NotAQuery(string sql, string field, JsonElement error)
    {
        if (error.GetProperty("error_type").GetString() == "parser") return new UserSqlException(field, Message(error));
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
        "CREATE" or "DROP" or "ALTER" or "INSERT" or "UPDATE" or "DELETE" or "TRUNCATE" or "MERGE" or "VACUUM" or "CHECKPOINT" =>
            "; a query only reads: each step's result is kept for you, and the output activities write tables",
        _ => ""
    };

    private static string Message(JsonElement error) => error.GetProperty("error_message").GetString() ?? "the SQL does not parse";
}
