using System.Text.Json.Nodes;
using ElsaFlow.Cli.Tests.Support;

namespace ElsaFlow.Cli.Tests.Commands;

/// <summary><c>elsaflow activities TYPE</c> shows one activity as someone writing a flow by hand needs it.</summary>
public sealed class ActivitiesCommandTests : IDisposable
{
    private readonly CliWorkspace _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Activities_OneType_ShowsEachInputsShapeTheChoicesOfItsFieldsAndAnExample()
    {
        var result = await _cli.RunAsync("activities", "Group");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("aggregations[].function", result.StdOut);
        Assert.Contains("one of sum, avg, min, max, count, count_distinct, first, last, string_agg", result.StdOut);
        var example = result.StdOut.ReplaceLineEndings("\n").Split("example:\n")[1].Trim();
        Assert.Equal("""{"id": "group1", "type": "Group", "aggregations": [{"column": "amount", "function": "sum", "as": "total"}, {"function": "count", "as": "orders"}]}""",
            example);
    }

    [Fact]
    public async Task Activities_OneTypeAsJson_IsItsDescriptorWithExamples()
    {
        var result = await _cli.RunAsync("activities", "group", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var descriptor = JsonNode.Parse(result.StdOut)!;
        Assert.Equal("Group", descriptor["type"]!.GetValue<string>());
        var aggregations = descriptor["inputs"]!.AsArray().Single(i => i!["name"]!.GetValue<string>() == "aggregations")!;
        Assert.Equal("sum", aggregations["example"]![0]!["function"]!.GetValue<string>());
    }

    [Fact]
    public async Task Activities_UnknownType_Exits2WithASuggestion()
    {
        var result = await _cli.RunAsync("activities", "Grup");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("no activity type 'Grup'; did you mean 'Group'?", result.StdErr);
    }
}
