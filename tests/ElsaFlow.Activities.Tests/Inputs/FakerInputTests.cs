using System.Text.RegularExpressions;
using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Inputs;

public sealed class FakerInputTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _data.DisposeAsync();

    private static string Flow(string inputs) => $$$"""
        {"definitionId": "faker", "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "fake", "type": "FakerInput", {{{inputs}}}}]}}
        """;

    private const string People = """
        "rows": 5, "seed": 42,
        "columns": ["name", "city", {"name": "birthday", "faker": "date_of_birth"}, "email", "phone_number", "address"],
        "randoms": [{"key": "level", "values": [1, 2, 3]}, {"key": "status", "values": ["new", "paid"]}]
        """;

    [Fact]
    public async Task FakerInput_SameSeed_GivesIdenticalRows()
    {
        var first = await _data.RunAsync(Flow(People));
        var second = await _data.RunAsync(Flow(People));

        ResultAssert.Status(WorkflowStatus.Finished, first);
        ResultAssert.Status(WorkflowStatus.Finished, second);
        var a = await _data.RowsAsync(first, "fake");
        var b = await _data.RowsAsync(second, "fake");
        Assert.Equal(5, a.Count);
        Assert.Equal(a.Select(r => r.ToJsonString()), b.Select(r => r.ToJsonString()));
    }

    [Fact]
    public async Task FakerInput_ZhCnByDefault_WritesChineseNamesAndTypedColumns()
    {
        var result = await _data.RunAsync(Flow(People));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var dataset = await _data.DatasetAsync(result, "fake");
        Assert.Equal(["name", "city", "birthday", "email", "phone_number", "address", "level", "status"], dataset.Columns.Select(c => c.Name));
        Assert.Equal(["VARCHAR", "VARCHAR", "DATE", "VARCHAR", "VARCHAR", "VARCHAR", "BIGINT", "VARCHAR"], dataset.Columns.Select(c => c.Type));
        foreach (var row in await _data.RowsAsync(result, "fake"))
        {
            Assert.Matches(new Regex(@"^\p{IsCJKUnifiedIdeographs}{2,4}$"), (string)row["name"]!);
            Assert.Matches(new Regex(@"\p{IsCJKUnifiedIdeographs}"), (string)row["city"]!);
            Assert.Matches(new Regex(@"^[^@\s]+@[^@\s]+\.[a-z]+$"), (string)row["email"]!);
            Assert.InRange(DateOnly.Parse((string)row["birthday"]!), new DateOnly(1940, 1, 1), new DateOnly(2006, 12, 31));
            Assert.Contains((long)row["level"]!, new[] { 1L, 2L, 3L });
            Assert.Contains((string)row["status"]!, new[] { "new", "paid" });
        }
    }

    [Fact]
    public async Task FakerInput_UnknownMethod_FaultsListingTheSupportedOnes()
    {
        var result = await _data.RunAsync(Flow("""
            "rows": 3, "columns": {"expression": {"type": "JavaScript", "value": "['name', 'favourite_food']"}}
            """));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("fake", result.FaultedActivityId);
        Assert.StartsWith("columns: 'favourite_food' is not a supported Faker method; supported: address, boolean, city,", result.Error);
        Assert.Contains(_data.Problems(Flow("\"rows\": 3, \"columns\": [\"favourite_food\"]")),
            p => p.Contains("activity 'fake', field 'columns': 'favourite_food' is not a supported Faker method"));
    }

    [Fact]
    public async Task FakerInput_UnknownLocale_FaultsNamingTheLocale()
    {
        var result = await _data.RunAsync(Flow("""
            "rows": 3, "columns": ["name"], "locale": "xx_YY"
            """));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("fake", result.FaultedActivityId);
        Assert.StartsWith("locale: 'xx_YY' is not a Faker locale", result.Error);
    }
}
