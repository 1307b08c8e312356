using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ElsaFlow.Cli.Tests.Support;

namespace ElsaFlow.Cli.Tests.Commands;

/// <summary><c>elsaflow preview</c> of an instance's activity and of a flow file run on the first rows, and run's rows per activity.</summary>
public sealed class PreviewCommandTests : IDisposable
{
    private readonly CliWorkspace _cli = new();
    private readonly string _flow;

    public PreviewCommandTests()
    {
        File.WriteAllText(_cli.PathOf("people.csv"), DataFlows.People);
        _flow = _cli.WriteFlow("ranking.json", DataFlows.Ranking);
    }

    [Fact]
    public async Task Preview_FinishedInstanceActivity_PrintsSchemaCountAndExactRows()
    {
        var instanceId = await RunRankingAsync();

        var result = await _cli.RunAsync("preview", instanceId, "ranked", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var preview = JsonNode.Parse(result.StdOut)!;
        Assert.Equal(3, preview["rowCount"]!.GetValue<long>());
        Assert.Equal(["id: BIGINT", "name: VARCHAR", "amount: BIGINT"],
            preview["columns"]!.AsArray().Select(c => $"{c!["name"]}: {c["type"]}"));
        Assert.Equal(
            ["""{"id":4,"name":"dee","amount":40}""", """{"id":2,"name":"bob","amount":20}""", """{"id":3,"name":"cy","amount":15}"""],
            preview["rows"]!.AsArray().Select(r => r!.ToJsonString()));
    }

    [Fact]
    public async Task Preview_ViewActivityWithOffsetAsText_CountsTheViewAndShowsThePage()
    {
        var instanceId = await RunRankingAsync();

        var result = await _cli.RunAsync("preview", instanceId, "big", "--rows", "1", "--offset", "1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("big: 3 rows (showing 2-2)", result.StdOut);
        Assert.Contains("amount: BIGINT", result.StdOut);
        Assert.Contains("cy", result.StdOut);
        Assert.DoesNotContain("bob", result.StdOut);
        Assert.DoesNotContain("dee", result.StdOut);
    }

    [Fact]
    public async Task Preview_FlowFileOnFirstRows_ShowsExactRowsAndWritesNoOutput()
    {
        var result = await _cli.RunAsync("preview", _flow, "write", "--rows", "3", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var preview = JsonNode.Parse(result.StdOut)!;
        // The input read ann, bob and cy only: the filter kept bob and cy, the sort put bob first.
        Assert.Equal(2, preview["rowCount"]!.GetValue<long>());
        Assert.Equal(["""{"id":2,"name":"bob","amount":20}""", """{"id":3,"name":"cy","amount":15}"""],
            preview["rows"]!.AsArray().Select(r => r!.ToJsonString()));
        Assert.False(File.Exists(_cli.PathOf("out.csv")), "a preview run wrote the CsvOutput file");
    }

    [Fact]
    public async Task Preview_LaterStepsUnfinished_PreviewsTheEarlierStep_ButAProblemBeforeItBlocks()
    {
        var unfinished = _cli.WriteFlow("unfinished.json", DataFlows.Ranking
            .Replace("""{"id": "ranked", "type": "Sort", "by": [{"column": "amount", "descending": true}]}""", """{"id": "ranked", "type": "Sort"}""")
            .Replace("""{"id": "write", "type": "CsvOutput", "path": "out.csv"}""", """{"id": "write", "type": "CsvOutput"}"""));

        var early = await _cli.RunAsync("preview", unfinished, "big", "--rows", "3", "--json");
        var late = await _cli.RunAsync("preview", unfinished, "write");

        Assert.True(early.ExitCode == 0, early.ToString());
        Assert.Equal(2, JsonNode.Parse(early.StdOut)!["rowCount"]!.GetValue<long>());
        Assert.True(late.ExitCode == 2, late.ToString());
        Assert.Contains("activity 'ranked'", late.StdErr);
    }

    [Fact]
    public async Task Preview_FlowFileUnknownActivity_NamesItAndExits2()
    {
        var result = await _cli.RunAsync("preview", _flow, "nosuch");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("no activity 'nosuch'", result.StdErr);
        Assert.Contains("read, big, ranked, write", result.StdErr);
    }

    [Fact]
    public async Task Preview_InstanceUnknownActivity_NamesItAndExits2()
    {
        var instanceId = await RunRankingAsync();

        var result = await _cli.RunAsync("preview", instanceId, "nosuch");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("no activity 'nosuch'", result.StdErr);
    }

    [Fact]
    public async Task Preview_UnknownInstance_Exits2()
    {
        var result = await _cli.RunAsync("preview", "no-such-instance", "ranked");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("no instance 'no-such-instance'", result.StdErr);
    }

    [Fact]
    public async Task Preview_ActivityWhoseOutputIsNoDataset_Exits2()
    {
        var flow = _cli.WriteFlow("greeting.json", Flows.Greeting);
        var run = await _cli.RunAsync("run", flow, "--input", "count=1");
        Assert.True(run.ExitCode == 0, run.ToString());

        var result = await _cli.RunAsync("preview", CliWorkspace.InstanceId(run.StdOut), "say");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("not a dataset", result.StdErr);
    }

    [Fact]
    public async Task Run_DataFlow_PrintsRowsPerActivityFromTheQueriesThatRan()
    {
        var result = await _cli.RunAsync("run", _flow);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("rows per activity", result.StdOut);
        // read and big are views that only ranked's query read: counting them would run them again, so they are not.
        Assert.Matches(new Regex(@"read\W+not counted\W+view"), result.StdOut);
        Assert.Matches(new Regex(@"big\W+not counted\W+view"), result.StdOut);
        Assert.Matches(new Regex(@"ranked\W+3\W+table"), result.StdOut);
        Assert.Equal(4, File.ReadAllLines(_cli.PathOf("out.csv")).Length);
    }

    [Fact]
    public async Task Run_TableCountsOnly_IsAcceptedWithADeprecationNoteAndChangesNothing()
    {
        var result = await _cli.RunAsync("run", _flow, "--table-counts-only");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("--table-counts-only is deprecated and does nothing", result.StdErr);
        Assert.Matches(new Regex(@"big\W+not counted\W+view"), result.StdOut);
        Assert.Matches(new Regex(@"ranked\W+3\W+table"), result.StdOut);
        Assert.Equal(4, File.ReadAllLines(_cli.PathOf("out.csv")).Length);
    }

    [Fact]
    public async Task Run_DataFlowJson_ReportsRowsPerActivityWithNullForNotCounted()
    {
        var result = await _cli.RunAsync("run", _flow, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var rows = JsonNode.Parse(result.StdOut)!["rows"]!.AsObject();
        Assert.Equal(new Dictionary<string, long?> { ["read"] = null, ["big"] = null, ["ranked"] = 3, ["write"] = 3 },
            rows.ToDictionary(r => r.Key, r => r.Value?.GetValue<long>()));
    }

    private async Task<string> RunRankingAsync()
    {
        var run = await _cli.RunAsync("run", _flow);
        Assert.True(run.ExitCode == 0, run.ToString());
        return CliWorkspace.InstanceId(run.StdOut);
    }

    public void Dispose() => _cli.Dispose();
}
