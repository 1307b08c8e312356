using System.Text.Json.Nodes;
using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Activities.Tests.Transforms;
using ElsaFlow.Data.Workspace;
using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Store;
using Microsoft.Data.Sqlite;

namespace ElsaFlow.Activities.Tests.Security;

/// <summary>Issue 10 item 6: a value filled into SQL through a placeholder, quoted by the author or not, is only ever data.</summary>
[Trait("Suite", "Security")]
public sealed class PlaceholderInjectionTests : IAsyncLifetime
{
    private const string Hostile = "' OR 1=1 OR region='";
    private readonly DataHarness _data = new();

    public Task InitializeAsync()
    {
        _data.WriteFile("in.csv", "id,region,amount\n1,EU,5\n2,US,20\n3,EU,30\n");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    private static string Flow(string step, string inputType = "String") =>
        $$$"""
        {"definitionId": "p", "inputs": [{"name": "r", "type": "{{{inputType}}}"}],
         "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "read", "type": "CsvInput", "path": "in.csv"}, {{{step}}},
           {"id": "sorted", "type": "Sort", "by": [{"column": "id"}]}],
         "connections": [{"source": {"activity": "read", "port": "Done"}, "target": {"activity": "step", "port": "In"}},
                         {"source": {"activity": "step", "port": "Done"}, "target": {"activity": "sorted", "port": "In"}}]}}
        """;

    private static string CheckerFlow(string step) =>
        Flow(step).Replace("\"port\": \"Done\"}, \"target\": {\"activity\": \"sorted\"", "\"port\": \"Valid\"}, \"target\": {\"activity\": \"sorted\"");

    private async Task<List<string>> IdsAsync(string step, JsonNode? value, string inputType = "String")
    {
        var result = await _data.RunAsync(Flow(step, inputType), new JsonObject { ["r"] = value });
        ResultAssert.Status(WorkflowStatus.Finished, result);
        return (await _data.RowsAsync(result, "sorted")).Select(r => r["id"]!.ToString()).ToList();
    }

    [Theory]
    [InlineData("region = '${r}'")]
    [InlineData("region = ${r}")]
    [InlineData("region = E'${r}'")]
    public async Task Filter_HostileValueInAPlaceholder_MatchesNothing(string condition)
    {
        var step = $$"""{"id": "step", "type": "Filter", "condition": {{JsonValue.Create(condition)!.ToJsonString()}}}""";

        Assert.Empty(await IdsAsync(step, Hostile));
        Assert.Equal(["1", "3"], await IdsAsync(step, "EU"));
    }

    [Fact]
    public async Task Filter_HostileValueWithCommentOpener_MatchesNothing()
    {
        Assert.Empty(await IdsAsync("""{"id": "step", "type": "Filter", "condition": "region = '${r}' AND amount > 10"}""", "EU' --"));
    }

    [Fact]
    public async Task SQL_QuotedPlaceholder_BindsTheValueAsData()
    {
        const string step = """{"id": "step", "type": "SQL", "query": "SELECT * FROM read WHERE region = '${r}' ORDER BY id"}""";

        Assert.Empty(await IdsAsync(step, Hostile));
        Assert.Equal(["2"], await IdsAsync(step, "US"));
    }

    [Fact]
    public async Task DuckDBInput_QuotedPlaceholderInTheQuery_BindsTheValueAsData()
    {
        await using (var duck = await DataWorkspace.OpenAsync(_data.PathOf("warehouse.duckdb"), []))
            await duck.ExecuteAsync("CREATE TABLE orders AS SELECT * FROM (VALUES (1, 'EU'), (2, 'US')) v(id, region)");
        const string step = """{"id": "step", "type": "DuckDBInput", "path": "warehouse.duckdb", "query": "SELECT * FROM orders WHERE region = '${r}'"}""";

        Assert.Empty(await IdsAsync(step, Hostile));
        Assert.Equal(["2"], await IdsAsync(step, "US"));
    }

    [Fact]
    public async Task SqliteInput_QuotedPlaceholderInTheQuery_BindsTheValueAsData()
    {
        using (var connection = new SqliteConnection($"Data Source={_data.PathOf("shop.db")};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE orders (id INTEGER, region TEXT); INSERT INTO orders VALUES (1, 'EU'), (2, 'US');";
            command.ExecuteNonQuery();
        }
        const string step = """{"id": "step", "type": "SqliteInput", "path": "shop.db", "query": "SELECT * FROM orders WHERE region = '${r}'"}""";

        Assert.Empty(await IdsAsync(step, Hostile));
        Assert.Equal(["1"], await IdsAsync(step, "EU"));
    }

    [Fact]
    public async Task AddField_QuotedPlaceholder_IsTextInsideTheString()
    {
        var result = await _data.RunAsync(Flow("""{"id": "step", "type": "AddField", "fields": [{"name": "tag", "expression": "'${r}-' || region"}]}"""),
            new JsonObject { ["r"] = "it's" });

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["it's-EU", "it's-US", "it's-EU"], (await _data.RowsAsync(result, "sorted")).Select(r => r["tag"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Switch_QuotedPlaceholderInARowCase_RoutesByTheValueOnly()
    {
        const string step = """
            {"id": "step", "type": "Switch", "cases": [{"name": "match", "condition": {"expression": {"type": "Sql", "value": "region = '${r}'"}}}]}
            """;
        var flow = Flow(step).Replace("\"port\": \"Done\"}, \"target\": {\"activity\": \"sorted\"", "\"port\": \"match\"}, \"target\": {\"activity\": \"sorted\"");

        var hostile = await _data.RunAsync(flow, new JsonObject { ["r"] = Hostile });
        var eu = await _data.RunAsync(flow, new JsonObject { ["r"] = "EU" });

        ResultAssert.Status(WorkflowStatus.Finished, hostile);
        Assert.Empty(await _data.RowsAsync(hostile, "sorted"));
        Assert.Equal(["1", "3"], (await _data.RowsAsync(eu, "sorted")).Select(r => r["id"]!.ToString()));
    }

    [Fact]
    public void Checker_SqlRuleWithPlaceholdersAsPlainText_IsAValidationProblemShowingTheRightForm()
    {
        var problems = _data.Problems(CheckerFlow("""{"id": "step", "type": "Checker", "rules": [{"rule": "sql", "value": "region = '${r}'"}]}"""));

        Assert.Equal("""flow 'p', activity 'step', field 'rules[0].value': a sql rule with placeholders must be a Sql expression, so their values are quoted: "value": {"expression": {"type": "Sql", "value": "region = '${r}'"}}""", Assert.Single(problems));
    }

    [Fact]
    public async Task Checker_SqlRuleAsSqlExpression_BindsTheValueAsData()
    {
        const string step = """
            {"id": "step", "type": "Checker", "rules": [{"rule": "sql", "value": {"expression": {"type": "Sql", "value": "region <> '${r}'"}}}]}
            """;
        var flow = CheckerFlow(step);

        var result = await _data.RunAsync(flow, new JsonObject { ["r"] = "' OR 1=1 OR region='" });
        var us = await _data.RunAsync(flow, new JsonObject { ["r"] = "US" });

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["1", "2", "3"], (await _data.RowsAsync(result, "sorted")).Select(r => r["id"]!.ToString()));
        Assert.Equal(["1", "3"], (await _data.RowsAsync(us, "sorted")).Select(r => r["id"]!.ToString()));
    }

    [Fact]
    public async Task Filter_PlaceholderInsideAComment_IsRefusedShowingTheRightForm()
    {
        var result = await _data.RunAsync(Flow("""{"id": "step", "type": "Filter", "condition": "region = 'EU' -- was ${r}"}"""), new JsonObject { ["r"] = "x" });

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("condition: placeholder '${r}' is inside a comment; take it out of the comment (or write $${ for a literal ${), as in region = ${r}", result.Error);
    }

    [Fact]
    public async Task Filter_NumberInputGivenText_IsRefusedBeforeItReachesSql()
    {
        var error = await Assert.ThrowsAsync<WorkflowValidationException>(() =>
            IdsAsync("""{"id": "step", "type": "Filter", "condition": "amount > ${r}"}""", "0 OR 1=1", "Number"));

        Assert.Equal("flow 'p', field 'r': this workflow input is a Number, but \"0 OR 1=1\" was given", Assert.Single(error.Problems).ToString());
    }

    [Fact]
    public async Task Filter_NumberInputGivenNumericText_IsANumber()
    {
        Assert.Equal(["2", "3"], await IdsAsync("""{"id": "step", "type": "Filter", "condition": "amount > ${r}"}""", "10", "Number"));
    }
}
