using System.Text.Json.Nodes;
using ElsaFlow.Cli.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Cli.Tests.Commands;

/// <summary>validate, activities, instances, journal and cancel.</summary>
public sealed class InspectCommandTests : IDisposable
{
    private readonly CliWorkspace _cli = new();

    [Fact]
    public async Task Validate_GoodAndBadFiles_ReportsEachAndExits2()
    {
        var good = _cli.WriteFlow("good.json", Flows.Greeting);
        var bad = _cli.WriteFlow("broken.json", Flows.Invalid);

        var result = await _cli.RunAsync("validate", good, bad);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"{good}: OK", result.StdOut);
        Assert.Contains($"{bad}: 2 problems", result.StdOut);
        Assert.Contains("activity 'speak', field 'message'", result.StdOut);
    }

    [Fact]
    public async Task Validate_OnlyGoodFiles_Exits0()
    {
        var result = await _cli.RunAsync("validate", _cli.WriteFlow("a.json", Flows.Greeting), _cli.WriteFlow("b.json", Flows.Approval));

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task Activities_Json_ListsControlActivitiesWithTheirInputs()
    {
        var result = await _cli.RunAsync("activities", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var descriptors = JsonNode.Parse(result.StdOut)!.AsArray().ToDictionary(d => d!["type"]!.GetValue<string>(), d => d!);
        Assert.Contains("condition", Inputs(descriptors["If"]));
        Assert.Contains("condition", Inputs(descriptors["While"]));
        Assert.Contains("items", Inputs(descriptors["ForEach"]));
        Assert.Equal("Control", descriptors["If"]["category"]!.GetValue<string>());
    }

    [Fact]
    public async Task Activities_WithPluginsFolder_ListsThePluginActivity()
    {
        var result = await _cli.RunAsync("activities", "--plugins", CliWorkspace.PluginsSource);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("BlockOnce", result.StdOut);
        Assert.Contains("ForEach", result.StdOut);
    }

    [Fact]
    public async Task Activities_PluginsFromEnvironment_ListsThePluginActivity()
    {
        _cli.Environment["ELSAFLOW_PLUGINS"] = CliWorkspace.PluginsSource;

        var result = await _cli.RunAsync("activities", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(JsonNode.Parse(result.StdOut)!.AsArray(), d => d!["type"]!.GetValue<string>() == "BlockOnce");
    }

    [Fact]
    public async Task Activities_MissingPluginsFolder_Exits2()
    {
        var result = await _cli.RunAsync("activities", "--plugins", _cli.PathOf("no-plugins-here"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("does not exist", result.StdErr);
    }

    [Fact]
    public async Task Cancel_WaitingInstance_InstancesAndJournalShowItCancelled()
    {
        var flow = _cli.WriteFlow("approval.json", Flows.Approval);
        var instanceId = CliWorkspace.InstanceId((await _cli.RunAsync("run", flow)).StdOut);

        var cancel = await _cli.RunAsync("cancel", instanceId);
        var instances = await _cli.RunAsync("instances", "--status", "Cancelled");
        var json = await _cli.RunAsync("instances", "--json");
        var journal = await _cli.RunAsync("journal", instanceId);
        var resume = await _cli.RunAsync("resume", instanceId);

        Assert.True(cancel.ExitCode == 0, cancel.ToString());
        Assert.Contains(instanceId, instances.StdOut);
        Assert.Contains("Cancelled", instances.StdOut);
        Assert.Equal("Cancelled", JsonNode.Parse(json.StdOut)!.AsArray().Single(i => i!["id"]!.GetValue<string>() == instanceId)!["status"]!.GetValue<string>());
        Assert.Contains("WorkflowCancelled", journal.StdOut);
        Assert.Contains("ActivitySuspended", journal.StdOut);
        Assert.True(resume.ExitCode == 4, resume.ToString());
        Assert.Equal(WorkflowStatus.Cancelled, (await _cli.OpenStore().GetInstanceAsync(instanceId))!.Status);
    }

    [Fact]
    public async Task Instances_FilteredByDefinition_ListsOnlyThatDefinition()
    {
        await _cli.RunAsync("run", _cli.WriteFlow("approval.json", Flows.Approval), "--correlation-id", "order-7");
        await _cli.RunAsync("run", _cli.WriteFlow("greeting.json", Flows.Greeting));

        var result = await _cli.RunAsync("instances", "--definition", "approval", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var item = Assert.Single(JsonNode.Parse(result.StdOut)!.AsArray());
        Assert.Equal("Suspended", item!["status"]!.GetValue<string>());
        Assert.Equal("order-7", item["correlationId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Instances_UnknownStatus_Exits2()
    {
        var result = await _cli.RunAsync("instances", "--status", "Sleeping");

        Assert.True(result.ExitCode == 2, result.ToString());
    }

    private static List<string> Inputs(JsonNode descriptor) =>
        descriptor["inputs"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).ToList();

    public void Dispose() => _cli.Dispose();
}
