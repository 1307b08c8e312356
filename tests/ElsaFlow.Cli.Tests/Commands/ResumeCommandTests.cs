using System.Text.Json.Nodes;
using ElsaFlow.Cli.Tests.Support;

namespace ElsaFlow.Cli.Tests.Commands;

public sealed class ResumeCommandTests : IDisposable
{
    private readonly CliWorkspace _cli = new();

    [Fact]
    public async Task Resume_PausedFlowWithBookmarkFromANewProcess_Exits0WithThePayload()
    {
        var flow = _cli.WriteFlow("approval.json", Flows.Approval);
        var waiting = await _cli.RunAsync("run", flow);
        Assert.True(waiting.ExitCode == 3, waiting.ToString());
        var instanceId = CliWorkspace.InstanceId(waiting.StdOut);
        var bookmarkId = Assert.Single(await _cli.OpenStore().ListBookmarksAsync(instanceId)).Id;
        Assert.Contains(bookmarkId, waiting.StdOut);
        Assert.Contains("approve", waiting.StdOut);
        Assert.Contains($"elsaflow resume {instanceId} --bookmark {bookmarkId}", waiting.StdOut);

        var resumed = await _cli.RunAsync("resume", instanceId, "--bookmark", bookmarkId, "--payload", """{"answer": "yes"}""", "--json");

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Equal("yes", JsonNode.Parse(resumed.StdOut)!["variables"]!["decision"]!.GetValue<string>());
    }

    [Fact]
    public async Task Resume_SameBookmarkTwice_SecondIsAConflictWithExit5()
    {
        var flow = _cli.WriteFlow("approval.json", Flows.Approval);
        var waiting = await _cli.RunAsync("run", flow, "--json");
        Assert.True(waiting.ExitCode == 3, waiting.ToString());
        var json = JsonNode.Parse(waiting.StdOut)!;
        var instanceId = json["instanceId"]!.GetValue<string>();
        var bookmarkId = json["bookmarks"]![0]!["id"]!.GetValue<string>();
        Assert.Equal("ask", json["bookmarks"]![0]!["activityId"]!.GetValue<string>());

        var first = await _cli.RunAsync("resume", instanceId, "--bookmark", bookmarkId, "--payload", """{"answer": "a"}""");
        var second = await _cli.RunAsync("resume", instanceId, "--bookmark", bookmarkId, "--payload", """{"answer": "b"}""");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 5, second.ToString());
        Assert.Contains("already resumed", second.StdErr);
    }

    [Fact]
    public async Task Resume_EventFlowWithEvent_Exits0WithThePayload()
    {
        var flow = _cli.WriteFlow("order.json", Flows.OrderPaid);
        var waiting = await _cli.RunAsync("run", flow);
        Assert.True(waiting.ExitCode == 3, waiting.ToString());
        var instanceId = CliWorkspace.InstanceId(waiting.StdOut);
        Assert.Contains($"elsaflow resume {instanceId} --event order-paid", waiting.StdOut);

        var resumed = await _cli.RunAsync("resume", instanceId, "--event", "order-paid", "--payload", """{"amount": 12.5}""", "--json");

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Equal(12.5, JsonNode.Parse(resumed.StdOut)!["variables"]!["amount"]!.GetValue<double>());
    }

    [Theory]
    [InlineData("--bookmark", "nosuch.bookmark")]
    [InlineData("--event", "never-raised")]
    public async Task Resume_UnknownBookmarkOrEvent_Exits2(string option, string value)
    {
        var flow = _cli.WriteFlow("approval.json", Flows.Approval);
        var instanceId = CliWorkspace.InstanceId((await _cli.RunAsync("run", flow)).StdOut);

        var result = await _cli.RunAsync("resume", instanceId, option, value);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("error:", result.StdErr);
    }

    [Fact]
    public async Task Resume_UnknownInstance_Exits2()
    {
        var result = await _cli.RunAsync("resume", "no-such-instance");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("no instance 'no-such-instance'", result.StdErr);
    }

    [Fact]
    public async Task Resume_BadPayload_Exits2()
    {
        var result = await _cli.RunAsync("resume", "any", "--bookmark", "b", "--payload", "{not json");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--payload is not valid JSON", result.StdErr);
    }

    public void Dispose() => _cli.Dispose();
}
