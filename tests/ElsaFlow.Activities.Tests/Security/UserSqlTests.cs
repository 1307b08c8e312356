using ElsaFlow.Data.Sql;

namespace ElsaFlow.Activities.Tests.Security;

/// <summary>The parser-backed checks every flow-written SQL fragment passes before it reaches a workspace.</summary>
[Trait("Suite", "Security")]
public sealed class UserSqlTests
{
    private static readonly string[] Tables = ["orders", "customers"];

    private static UserSqlException RefusedQuery(string sql) => Assert.Throws<UserSqlException>(() => UserSql.Query(sql, "query", Tables));

    private static UserSqlException RefusedExpression(string sql) => Assert.Throws<UserSqlException>(() => UserSql.Expression(sql, "condition"));

    [Theory]
    [InlineData("SELECT * FROM read_csv('/etc/passwd', header=false, sep=':')", "read_csv")]
    [InlineData("SELECT * FROM read_text('/etc/hostname')", "read_text")]
    [InlineData("SELECT * FROM read_blob('/etc/hostname')", "read_blob")]
    [InlineData("SELECT * FROM glob('/etc/*')", "glob")]
    [InlineData("SELECT * FROM read_parquet('x.parquet')", "read_parquet")]
    [InlineData("SELECT * FROM orders WHERE id IN (SELECT 1 FROM read_json('x.json'))", "read_json")]
    [InlineData("SELECT * FROM query('SELECT 1')", "query")]
    [InlineData("SELECT * FROM duckdb_settings()", "duckdb_settings")]
    [InlineData("SELECT * FROM main.range(3)", "range")]
    public void Query_TableFunctionThatReadsFilesOrTheCatalog_IsRefusedNamingIt(string sql, string function)
    {
        var error = RefusedQuery(sql);

        Assert.Equal("query", error.Field);
        Assert.Contains($"the table function {function}() is not allowed", error.Message);
        Assert.Contains("use CsvInput, ParquetInput or JsonInput to read files", error.Message);
    }

    [Theory]
    [InlineData("SELECT * FROM '/etc/passwd'", "/etc/passwd")]
    [InlineData("SELECT * FROM 'data.csv'", "data.csv")]
    [InlineData("SELECT * FROM \"secrets.parquet\"", "secrets.parquet")]
    [InlineData("SELECT o.* FROM orders o JOIN 'other.json' j ON true", "other.json")]
    public void Query_FileNamedInFrom_IsRefused(string sql, string file)
    {
        var error = RefusedQuery(sql);

        Assert.Equal($"query: '{file}' is not a table it can read: SQL reads only the datasets that reach it: use CsvInput, ParquetInput or JsonInput to read files", error.Message);
    }

    [Theory]
    [InlineData("SELECT * FROM invoices", "table 'invoices' is not one of the tables it can read: orders, customers")]
    [InlineData("SELECT * FROM main.orders", "table 'main.orders' is not one of the tables it can read")]
    [InlineData("SELECT * FROM other.main.orders", "table 'other.main.orders' is not one of the tables it can read")]
    [InlineData("SELECT * FROM information_schema.tables", "table 'information_schema.tables' is not one")]
    public void Query_TableItWasNotGiven_IsRefusedListingTheTables(string sql, string message)
    {
        Assert.Contains(message, RefusedQuery(sql).Message);
    }

    [Fact]
    public void Query_CteNameOutOfScope_DoesNotLendItsNameToAFile()
    {
        // The CTE named like the file lives inside the subquery only; the outer FROM would be a replacement scan of the file.
        var error = RefusedQuery("""SELECT * FROM (WITH "data.csv" AS (SELECT 1) SELECT * FROM "data.csv") a, "data.csv" b""");

        Assert.Contains("'data.csv' is not a table it can read", error.Message);
    }

    [Fact]
    public void Query_CteReferringToALaterCte_IsRefused()
    {
        var error = RefusedQuery("""WITH a AS (SELECT * FROM "x.csv"), "x.csv" AS (SELECT 1) SELECT * FROM a""");

        Assert.Contains("'x.csv' is not a table it can read", error.Message);
    }

    [Theory]
    [InlineData("SELECT 1; COPY (SELECT 42) TO '/tmp/x.csv'", "COPY", "write them with the output activities")]
    [InlineData("COPY orders TO '/tmp/x.csv'", "COPY", "read files with CsvInput")]
    [InlineData("ATTACH '/tmp/x.duckdb' AS x", "ATTACH", "read other databases with DuckDBInput or SqliteInput")]
    [InlineData("SELECT 1; DETACH x", "DETACH", "DuckDBInput")]
    [InlineData("INSTALL httpfs", "INSTALL", "extensions cannot be installed or loaded")]
    [InlineData("LOAD httpfs", "LOAD", "extensions cannot be installed or loaded")]
    [InlineData("EXPORT DATABASE '/tmp/out'", "EXPORT", "output activities")]
    [InlineData("IMPORT DATABASE '/tmp/out'", "IMPORT", "output activities")]
    [InlineData("SET enable_external_access = true", "SET", "settings of a workspace are fixed")]
    [InlineData("RESET threads", "RESET", "settings of a workspace are fixed")]
    [InlineData("PRAGMA version", "PRAGMA", "settings of a workspace are fixed")]
    [InlineData("CALL duckdb_settings()", "CALL", "settings of a workspace are fixed")]
    [InlineData("CREATE TABLE t AS SELECT 1", "CREATE", "a query only reads")]
    [InlineData("SELECT 1; DROP TABLE orders", "DROP", "a query only reads")]
    [InlineData("INSERT INTO orders VALUES (1)", "INSERT", "a query only reads")]
    [InlineData("UPDATE orders SET id = 1", "UPDATE", "a query only reads")]
    [InlineData("DELETE FROM orders", "DELETE", "a query only reads")]
    [InlineData("/* hidden */ USE other", "USE", "DuckDBInput")]
    [InlineData("PIVOT orders ON customer USING sum(amount)", "PIVOT", "SELECT * FROM t PIVOT (...)")]
    public void Query_StatementOtherThanSelect_IsRefusedNamingTheKeyword(string sql, string keyword, string advice)
    {
        var error = RefusedQuery(sql);

        Assert.StartsWith($"query: {keyword} is not allowed: give one SELECT query", error.Message);
        Assert.Contains(advice, error.Message);
    }

    [Fact]
    public void Query_TwoSelects_IsRefusedAsTwoStatements()
    {
        Assert.Equal("query: give one SELECT query; this text holds 2 statements separated by ';'", RefusedQuery("SELECT 1; SELECT 2").Message);
    }

    [Theory]
    [InlineData("SELECT current_setting('allowed_directories')", "current_setting")]
    [InlineData("SELECT * FROM orders WHERE getenv('HOME') IS NOT NULL", "getenv")]
    [InlineData("SELECT write_log('x')", "write_log")]
    public void Query_FunctionThatReadsSettings_IsRefused(string sql, string function)
    {
        Assert.Contains($"the function {function}() is not allowed", RefusedQuery(sql).Message);
    }

    [Theory]
    [InlineData("DESCRIBE orders")]
    [InlineData("SUMMARIZE orders")]
    [InlineData("SHOW TABLES")]
    public void Query_DescribeOrShow_IsRefused(string sql)
    {
        Assert.Contains("DESCRIBE, SHOW and SUMMARIZE are not allowed", RefusedQuery(sql).Message);
    }

    [Fact]
    public void Query_PreparedStatementParameter_IsRefusedPointingToPlaceholders()
    {
        Assert.Contains("write ${name} placeholders", RefusedQuery("SELECT * FROM orders WHERE id = $1").Message);
    }

    [Fact]
    public void Query_SyntaxError_IsDuckDbsMessage()
    {
        Assert.Equal("query: syntax error at or near \"SELEC\", at character 1: \"SELEC 1\"", RefusedQuery("SELEC 1").Message);
    }

    [Theory]
    [InlineData("WITH big AS (SELECT * FROM orders WHERE amount > 6) SELECT c.name, b.amount FROM customers c JOIN big b ON c.id = b.customer")]
    [InlineData("SELECT id, amount, sum(amount) OVER (PARTITION BY customer ORDER BY id) AS running, row_number() OVER () AS n FROM orders")]
    [InlineData("SELECT * FROM orders WHERE customer IN (SELECT id FROM customers WHERE upper(name) LIKE 'A%')")]
    [InlineData("SELECT CASE WHEN amount > 10 THEN 'big' ELSE 'small' END AS size, concat_ws('-', trim(name), lpad(id::VARCHAR, 3, '0')) FROM orders")]
    [InlineData("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3) SELECT * FROM n")]
    [InlineData("SELECT * FROM orders UNION ALL SELECT * FROM orders")]
    [InlineData("FROM orders SELECT id")]
    [InlineData("VALUES (1, 'a'), (2, 'b')")]
    [InlineData("SELECT * FROM range(3) r, unnest([1, 2]) u, generate_series(1, 2) g")]
    [InlineData("SELECT * FROM orders PIVOT (sum(amount) FOR customer IN ('a', 'b'))")]
    [InlineData("SELECT 'read_csv(''/etc/passwd'')' AS text, '; COPY' AS more -- a comment")]
    [InlineData("SELECT * FROM ORDERS;")]
    public void Query_LegitimateSql_IsAccepted(string sql)
    {
        var checkedSql = UserSql.Query(sql, "query", Tables);

        Assert.Equal(sql.TrimEnd(';') + "\n", checkedSql);
    }

    [Theory]
    [InlineData("1=1); COPY (SELECT 1) TO '/tmp/y.csv'; SELECT (1")]
    [InlineData("a)) OR ((b")]
    [InlineData("amount > 1)) OR ((1 = 1")]
    [InlineData("1)) AS x, ((2")]
    [InlineData("1)) FROM orders --")]
    [InlineData("true)) UNION SELECT ((1")]
    [InlineData("1)) ORDER BY ((1")]
    [InlineData("1)) FILTER (WHERE true")]
    [InlineData("1), (2")]
    [InlineData("1; SELECT 2")]
    public void Expression_ThatLeavesItsParentheses_IsRefused(string sql)
    {
        var error = RefusedExpression(sql);

        Assert.Equal("condition", error.Field);
        Assert.Contains("give one SQL expression", error.Message);
        Assert.Contains("closes the parentheses it is placed in", error.Message);
    }

    [Fact]
    public void Expression_BreakOutWithCopy_NamesTheStatement()
    {
        var error = RefusedExpression("1=1); COPY (SELECT 1) TO '/tmp/y.csv'; SELECT (1");

        Assert.Contains("(COPY; read files with CsvInput", error.Message);
    }

    [Theory]
    [InlineData("(SELECT content FROM read_text('/etc/hostname'))", "the table function read_text() is not allowed")]
    [InlineData("id IN (SELECT 1 FROM '/etc/passwd')", "'/etc/passwd' is not a table it can read")]
    [InlineData("EXISTS (SELECT 1 FROM orders)", "table 'orders' is not one of the tables an expression can read")]
    [InlineData("current_setting('temp_directory') IS NULL", "the function current_setting() is not allowed")]
    public void Expression_ThatReadsFilesOrTables_IsRefused(string sql, string message)
    {
        Assert.Contains(message, RefusedExpression(sql).Message);
    }

    [Fact]
    public void Expression_SyntaxError_IsPlacedInTheAuthorsTextNotTheWrapper()
    {
        Assert.Equal("condition: the expression stops before it is complete: \"amount >\" needs more after it", RefusedExpression("amount >").Message);
        Assert.Equal("condition: syntax error at or near \"=\", at character 10: \"amount = = 1\"", RefusedExpression("amount = = 1").Message);
    }

    [Fact]
    public void Expression_SyntaxErrorAfterNonAsciiText_CountsCharacters()
    {
        Assert.Equal("condition: syntax error at or near \"=\", at character 12: \"name = 'é' = = 1\"", RefusedExpression("name = 'é' = = 1").Message);
    }

    [Theory]
    [InlineData("amount > 10 AND region = 'EU'")]
    [InlineData("CASE WHEN amount > 10 THEN 'big' ELSE 'small' END")]
    [InlineData("upper(trim(name)) || '-' || strftime(day, '%Y')")]
    [InlineData("id IN (SELECT * FROM range(3)) OR id IN (1, 2)")]
    [InlineData("region = 'a)) OR ((b' -- a comment with ) and ;")]
    [InlineData("list_transform([1, 2], x -> x + 1)[1] = 2")]
    [InlineData("row_number() OVER (ORDER BY id)")]
    // Balanced against the parentheses it is pasted in, so it stays inside them: ((a) OR (b)).
    [InlineData("a) OR (b")]
    public void Expression_LegitimateSql_IsAcceptedParenthesized(string sql)
    {
        Assert.Equal($"(({sql}\n))", UserSql.Expression(sql, "condition"));
    }
}
