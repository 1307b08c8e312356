using System.Text.Json.Nodes;
using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Activities.Tests.Transforms;
using ElsaFlow.Data.Workspace;
using ElsaFlow.Engine.Store;
using Microsoft.Data.Sqlite;

namespace ElsaFlow.Activities.Tests.Security;

/// <summary>
/// Every escape of issue 10 item 1, and for every activity that takes SQL a stacked statement, a file read and (for
/// fragments) a parenthesis break-out: each run faults naming the field, and nothing appears outside the data root.
/// </summary>
[Trait("Suite", "Security")]
public sealed class SqlEscapeTests : IAsyncLifetime
{
    private const string Outside = "OUTSIDE";
    private readonly DataHarness _data = new();
    private readonly string _outside = Directory.CreateTempSubdirectory("elsaflow-outside").FullName;

    public Task InitializeAsync()
    {
        _data.WriteFile("in.csv", "id,region,amount\n1,EU,5\n2,US,20\n");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _data.DisposeAsync();
        Directory.Delete(_outside, recursive: true);
    }

    /// <summary>
    /// Runs read (in.csv) -> step, where the step holds the SQL (as a JSON string) in place of SQL_TEXT: the SQL is
    /// refused when the flow is validated, or when the step runs for what only running shows (a database's tables);
    /// either way nothing is written. Returns the refusal as "field: message".
    /// </summary>
    private async Task<string> FaultAsync(string step, string sql)
    {
        var text = JsonValue.Create(sql.Replace(Outside, _outside))!.ToJsonString();
        var flow = TransformFlow.Single(step.Replace("SQL_TEXT", text));
        var problems = _data.Problems(flow);
        string error;
        if (problems.Count > 0)
        {
            var problem = Assert.Single(problems);
            Assert.StartsWith("flow 't', activity 'step', field '", problem);
            var field = problem["flow 't', activity 'step', field '".Length..];
            error = field.Remove(field.IndexOf("': ", StringComparison.Ordinal), 1);
        }
        else
        {
            var result = await _data.RunAsync(flow);
            ResultAssert.Status(WorkflowStatus.Faulted, result);
            Assert.Equal("step", result.FaultedActivityId);
            error = result.Error!;
        }
        Assert.Empty(Directory.GetFileSystemEntries(_outside));
        return error;
    }

    // Item 1, one test per escape the issue lists.

    [Fact]
    public async Task SQL_ReadCsvOfEtcPasswd_IsRefused()
    {
        var error = await FaultAsync("""{"id": "step", "type": "SQL", "query": SQL_TEXT}""", "SELECT * FROM read_csv('/etc/passwd', header=false, sep=':')");

        Assert.StartsWith("query: the table function read_csv() is not allowed (SQL reads only the datasets that reach it: use CsvInput", error);
    }

    [Theory]
    [InlineData("SELECT * FROM read_text('/etc/hostname')", "read_text")]
    [InlineData("SELECT * FROM read_blob('/etc/hostname')", "read_blob")]
    [InlineData("SELECT * FROM glob('/etc/*')", "glob")]
    public async Task SQL_ReadTextReadBlobGlob_AreRefused(string query, string function)
    {
        var error = await FaultAsync("""{"id": "step", "type": "SQL", "query": SQL_TEXT}""", query);

        Assert.StartsWith($"query: the table function {function}() is not allowed", error);
    }

    [Fact]
    public async Task SQL_StackedCopyOutsideTheRoots_IsRefusedAndWritesNothing()
    {
        var error = await FaultAsync("""{"id": "step", "type": "SQL", "query": SQL_TEXT}""", $"SELECT 1; COPY (SELECT 42) TO '{Outside}/x.csv'");

        Assert.StartsWith("query: COPY is not allowed: give one SELECT query", error);
    }

    [Fact]
    public async Task SQL_AttachOutsideTheRoots_IsRefusedAndCreatesNothing()
    {
        var error = await FaultAsync("""{"id": "step", "type": "SQL", "query": SQL_TEXT}""", $"ATTACH '{Outside}/x.duckdb' AS x");

        Assert.StartsWith("query: ATTACH is not allowed: give one SELECT query; read other databases with DuckDBInput or SqliteInput", error);
    }

    [Fact]
    public async Task Filter_ConditionBreakingOutOfItsParentheses_IsRefusedAndWritesNothing()
    {
        var error = await FaultAsync("""{"id": "step", "type": "Filter", "condition": SQL_TEXT}""", $"1=1); COPY (SELECT 1) TO '{Outside}/y.csv'; SELECT (1");

        Assert.StartsWith("condition: give one SQL expression", error);
        Assert.Contains("closes the parentheses it is placed in", error);
    }

    [Fact]
    public async Task AddField_SubqueryReadingAFile_IsRefused()
    {
        var error = await FaultAsync("""{"id": "step", "type": "AddField", "fields": [{"name": "x", "expression": SQL_TEXT}]}""",
            "(SELECT content FROM read_text('/etc/hostname'))");

        Assert.StartsWith("fields[0].expression: the table function read_text() is not allowed", error);
    }

    [Fact]
    public async Task DuckDBInput_QueryReadingAFile_IsRefused()
    {
        await CreateWarehouseAsync();

        var error = await FaultAsync("""{"id": "step", "type": "DuckDBInput", "path": "warehouse.duckdb", "query": SQL_TEXT}""", "SELECT * FROM read_text('/etc/hostname')");

        Assert.StartsWith("query: the table function read_text() is not allowed", error);
    }

    // Every activity that takes an SQL fragment: a break-out, a stacked statement and file reads, each refused.

    public static TheoryData<string, string, string> FragmentSteps => new()
    {
        { "Filter", """{"id": "step", "type": "Filter", "condition": SQL_TEXT}""", "condition" },
        { "AddField", """{"id": "step", "type": "AddField", "fields": [{"name": "x", "expression": SQL_TEXT}]}""", "fields[0].expression" },
        { "EditField", """{"id": "step", "type": "EditField", "fields": [{"name": "amount", "expression": SQL_TEXT}]}""", "fields[0].expression" },
        { "Switch", """{"id": "step", "type": "Switch", "cases": [{"name": "a", "condition": {"expression": {"type": "Sql", "value": SQL_TEXT}}}]}""", "cases[0].condition" },
        { "Checker", """{"id": "step", "type": "Checker", "rules": [{"rule": "sql", "value": SQL_TEXT}]}""", "rules[0].value" },
        { "Checker on a column", """{"id": "step", "type": "Checker", "rules": [{"column": "amount", "rule": "sql", "value": SQL_TEXT}]}""", "rules[0].value" }
    };

    private static readonly string[] Fragments =
    [
        $"1=1); COPY (SELECT 1) TO '{Outside}/y.csv'; SELECT (1",
        $"1=1)); COPY (SELECT 1) TO '{Outside}/y.csv'; SELECT ((1",
        $"1=1)) AS x FROM range(1); ATTACH '{Outside}/z.duckdb' AS z; SELECT ((1",
        $"1=1; COPY (SELECT 1) TO '{Outside}/y.csv'",
        "(SELECT count(*) FROM read_csv('/etc/passwd', header=false, sep=':')) > 0",
        "EXISTS (SELECT 1 FROM '/etc/passwd')",
        "(SELECT content FROM read_text('/etc/hostname')) IS NOT NULL",
        "(SELECT count(*) FROM glob('/etc/*')) > 0"
    ];

    [Theory]
    [MemberData(nameof(FragmentSteps))]
    public async Task Fragment_BreakOutStackedStatementOrFileRead_IsRefusedNamingTheField(string activity, string step, string field)
    {
        foreach (var fragment in Fragments)
        {
            var error = await FaultAsync(step, fragment);

            Assert.True(error.StartsWith($"{field}: ", StringComparison.Ordinal), $"{activity} with {fragment}: {error}");
        }
    }

    // Every activity that takes a query.

    private static readonly string[] Queries =
    [
        $"SELECT 1; COPY (SELECT 42) TO '{Outside}/x.csv'",
        $"SELECT 1; ATTACH '{Outside}/x.duckdb' AS x",
        "SELECT * FROM read_csv('/etc/passwd', header=false, sep=':')",
        "SELECT * FROM '/etc/passwd'",
        "SELECT * FROM glob('/etc/*')",
        "SELECT current_setting('allowed_directories')"
    ];

    [Fact]
    public async Task SQL_StackedStatementOrFileRead_IsRefusedNamingTheQuery()
    {
        foreach (var query in Queries)
            Assert.StartsWith("query: ", await FaultAsync("""{"id": "step", "type": "SQL", "query": SQL_TEXT}""", query));
    }

    [Fact]
    public async Task DuckDBInput_StackedStatementOrFileRead_IsRefusedNamingTheQuery()
    {
        await CreateWarehouseAsync();

        foreach (var query in Queries.Append("SELECT * FROM source_x.main.orders"))
            Assert.StartsWith("query: ", await FaultAsync("""{"id": "step", "type": "DuckDBInput", "path": "warehouse.duckdb", "query": SQL_TEXT}""", query));
    }

    [Theory]
    [InlineData($"SELECT 1; ATTACH '{Outside}/x.db' AS x", "query: give one SELECT statement")]
    [InlineData($"ATTACH '{Outside}/x.db' AS x", "query: SQLite refused it: a SqliteInput query may only read the opened file")]
    [InlineData("SELECT * FROM orders; DELETE FROM orders", "query: give one SELECT statement")]
    [InlineData("DELETE FROM orders", "query: ")]
    [InlineData("PRAGMA table_info(orders)", "query: SQLite refused it")]
    [InlineData("SELECT load_extension('/tmp/evil.so')", "query: SQLite refused it")]
    [InlineData("SELECT * FROM pragma_table_info('orders')", "query: SQLite refused to read 'shop.db': ")]
    public async Task SqliteInput_StackedStatementAttachPragmaOrWrite_IsRefused(string query, string message)
    {
        WriteSqliteDatabase();

        var error = await FaultAsync("""{"id": "step", "type": "SqliteInput", "path": "shop.db", "query": SQL_TEXT}""", query);

        Assert.StartsWith(message, error);
        Assert.Equal(2, CountSqliteOrders());
    }

    // Legitimate SQL keeps working.

    [Fact]
    public async Task SQL_CteWindowSubqueryCaseAndStringFunctions_Work()
    {
        var result = await _data.RunAsync(TransformFlow.Single("""
            {"id": "step", "type": "SQL", "query": "WITH t AS (SELECT *, sum(amount) OVER (ORDER BY id) AS running FROM read) SELECT lower(region) || '-' || id AS tag, CASE WHEN amount > (SELECT avg(amount) FROM read) THEN 'high' ELSE 'low' END AS level, running FROM t ORDER BY id"}
            """));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["eu-1|low|5", "us-2|high|25"], TransformFlow.Lines(await _data.RowsAsync(result, "step")));
    }

    [Fact]
    public async Task SqliteInput_QueryWithCteAndFunctions_ReadsItsRows()
    {
        WriteSqliteDatabase();

        var result = await _data.RunAsync(TransformFlow.Flow(["""
            {"id": "step", "type": "SqliteInput", "path": "shop.db", "query": "WITH big AS (SELECT * FROM orders WHERE amount > 5) SELECT id, upper(customer) AS who FROM big -- only the big ones"}
            """], []));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["1|ANN"], TransformFlow.Lines(await _data.RowsAsync(result, "step")));
    }

    private async Task CreateWarehouseAsync()
    {
        await using var duck = await DataWorkspace.OpenAsync(_data.PathOf("warehouse.duckdb"), []);
        await duck.ExecuteAsync("CREATE OR REPLACE TABLE orders AS SELECT 1 AS id");
    }

    private void WriteSqliteDatabase()
    {
        using var connection = new SqliteConnection($"Data Source={_data.PathOf("shop.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DROP TABLE IF EXISTS orders; CREATE TABLE orders (id INTEGER, customer TEXT, amount REAL); INSERT INTO orders VALUES (1, 'ann', 12.5), (2, 'bob', 3);";
        command.ExecuteNonQuery();
    }

    private long CountSqliteOrders()
    {
        using var connection = new SqliteConnection($"Data Source={_data.PathOf("shop.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM orders";
        return (long)command.ExecuteScalar()!;
    }
}
