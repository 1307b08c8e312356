using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ElsaFlow.Cluster.Tests.Support;
using ElsaFlow.TestServers;

namespace ElsaFlow.Cluster.Tests.Distribution;

/// <summary>
/// Two masters and two workers, real processes over a real RabbitMQ and a shared MariaDB store: activities are spread
/// over the workers or pinned to their group, and the cluster survives losing a worker, a master, or the broker, with
/// the results of a run in one process.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Spread_AThousandActivities_RunOnBothWorkers_PinnedOnesOnlyOnTheirGroup_WithTheInProcessResult()
    {
        var flow = await cluster.PublishAsync(ClusterFlows.Spread);
        using var client = cluster.Client(cluster.Master1);

        var instanceId = await Instances.DispatchAsync(client, flow);
        var details = await Instances.WaitForEndAsync(client, instanceId, cluster);

        Assert.Equal("Finished", Instances.Status(details));
        var (inProcess, _) = await InProcess.RunAsync(ClusterFlows.Spread);
        Assert.Equal(inProcess["outputs"]!["total"]!.GetValue<long>(), details["outputs"]!["total"]!.GetValue<long>());
        Assert.Equal(32125, details["outputs"]!["total"]!.GetValue<long>());
        var runners = await Instances.RunnersAsync(client, instanceId);
        Assert.Equal([cluster.East.ProcessId, cluster.West.ProcessId], runners["any"].Order());
        Assert.Equal([cluster.East.ProcessId], runners["east"]);
        Assert.Equal([cluster.West.ProcessId], runners["west"]);
        var journal = await Instances.JournalAsync(client, instanceId);
        Assert.Equal(750, Instances.Count(journal, "ActivityCompleted", "any") + Instances.Count(journal, "ActivityCompleted", "east") + Instances.Count(journal, "ActivityCompleted", "west"));
        // The journal (what the Studio's instance view shows) names the node that ran each activity: "host:pid:guid".
        Assert.Equal([$":{cluster.East.ProcessId}:"], Instances.Nodes(journal, "east").Select(PidPart).Distinct());
        Assert.Equal([$":{cluster.West.ProcessId}:"], Instances.Nodes(journal, "west").Select(PidPart).Distinct());
        Assert.Equal(2, Instances.Nodes(journal, "any").Distinct().Count());
    }

    private static string PidPart(string nodeId) => nodeId[nodeId.IndexOf(':')..(nodeId.LastIndexOf(':') + 1)];

    [Fact]
    public async Task KilledWorker_MidActivity_TheActivityRunsAgainOnTheOtherWorker_AndTheInstanceFinishesOnce()
    {
        using var client = cluster.Client(cluster.Master1);
        var (instanceId, signal, block, victim) = await StartBlockedAsync(client);
        var survivor = cluster.Workers.Single(w => w != victim);
        await victim.KillAsync();
        File.Delete(block);
        var details = await Instances.WaitForEndAsync(client, instanceId, cluster);

        try
        {
            Assert.Equal("Finished", Instances.Status(details));
            Assert.Equal(42, details["outputs"]!["answer"]!.GetValue<int>());
            var runs = await File.ReadAllLinesAsync(signal);
            Assert.Equal(2, runs.Length);
            Assert.EndsWith($"pid {survivor.ProcessId}", runs[1]);
            var journal = await Instances.JournalAsync(client, instanceId);
            Assert.Equal(1, Instances.Count(journal, "ActivityCompleted", "hold"));
            Assert.Equal(1, Instances.Count(journal, "WorkflowFinished"));
        }
        finally
        {
            await victim.StartAsync();
        }
    }

    [Fact]
    public async Task KilledMaster_OwningARunningInstance_TheOtherMasterFinishesIt()
    {
        var flow = await cluster.PublishAsync(ClusterFlows.Steps);
        using var owner = cluster.Client(cluster.Master1);
        using var other = cluster.Client(cluster.Master2);
        var instanceId = await Instances.DispatchAsync(owner, flow, new JsonObject { ["k"] = 3 });
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // a few steps done, one in flight on a worker

        await cluster.Master1.KillAsync();
        try
        {
            var details = await Instances.WaitForEndAsync(other, instanceId, cluster);

            Assert.Equal("Finished", Instances.Status(details));
            Assert.Equal(165, details["outputs"]!["total"]!.GetValue<int>());
            var journal = await Instances.JournalAsync(other, instanceId);
            Assert.Equal(10, Instances.Count(journal, "ActivityCompleted", "work"));
            Assert.Equal(1, Instances.Count(journal, "WorkflowFinished"));
            Assert.Contains(journal, e => e!["kind"]!.GetValue<string>() == "WorkflowResumed" && e["message"]!.GetValue<string>().Contains("recovered"));
        }
        finally
        {
            await cluster.Master1.StartAsync();
        }
    }

    [Fact]
    public async Task BrokerRestart_MidRun_NothingIsLostAndNothingFinishesTwice()
    {
        var flow = await cluster.PublishAsync(ClusterFlows.Steps);
        using var client = cluster.Client(cluster.Master1);
        var instanceId = await Instances.DispatchAsync(client, flow, new JsonObject { ["k"] = 2 });
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        await cluster.Broker.KillAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));
        await cluster.Broker.StartAsync();
        var details = await Instances.WaitForEndAsync(client, instanceId, cluster, TimeSpan.FromMinutes(3));

        Assert.Equal("Finished", Instances.Status(details));
        Assert.Equal(110, details["outputs"]!["total"]!.GetValue<int>());
        var journal = await Instances.JournalAsync(client, instanceId);
        Assert.Equal(10, Instances.Count(journal, "ActivityCompleted", "work"));
        Assert.Equal(1, Instances.Count(journal, "WorkflowFinished"));
    }

    [Fact]
    public async Task PinnedDataFlow_StepsAlternatingBetweenGroups_GivesTheRowsOfOneProcess_AndAMasterPreviewsThem()
    {
        const string csv = "region,amount\nEU,10\nUS,5\nEU,7\nASIA,1\nUS,20\nASIA,9\n";
        await File.WriteAllTextAsync(Path.Combine(cluster.DataRoot, "sales.csv"), csv);
        var flow = await cluster.PublishAsync(ClusterFlows.PinnedData);
        using var client = cluster.Client(cluster.Master2);

        var instanceId = await Instances.DispatchAsync(client, flow);
        var details = await Instances.WaitForEndAsync(client, instanceId, cluster);

        Assert.Equal("Finished", Instances.Status(details));
        var (_, folder) = await InProcess.RunAsync(ClusterFlows.PinnedData, new Dictionary<string, string> { ["sales.csv"] = csv });
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(folder, "out", "pinned-totals.csv")),
            await File.ReadAllTextAsync(Path.Combine(cluster.DataRoot, "out", "pinned-totals.csv")));
        var preview = (await client.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}/activities/order/preview"))!;
        Assert.Equal(3, preview["rowCount"]!.GetValue<long>());
        Assert.Equal("US", preview["rows"]![0]!["region"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cancel_ThroughTheMasterThatDoesNotRunTheInstance_IsDoneByItsOwner()
    {
        var flow = await cluster.PublishAsync(ClusterFlows.Steps);
        using var owner = cluster.Client(cluster.Master1);
        using var other = cluster.Client(cluster.Master2);
        var instanceId = await Instances.DispatchAsync(owner, flow);
        await Task.Delay(TimeSpan.FromSeconds(1));

        var started = DateTime.UtcNow;
        var response = await other.PostAsync($"/api/instances/{instanceId}/cancel", null);

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5), "the cancel waited for the owner's lease instead of asking the owner");
        Assert.Equal("Cancelled", Instances.Status(await Instances.WaitForEndAsync(owner, instanceId, cluster)));
    }

    [Fact]
    public async Task Sigterm_DrainsAWorker_TheActivityItRunsFinishesThere_AndItExitsCleanly()
    {
        using var client = cluster.Client(cluster.Master1);
        var (instanceId, signal, block, worker) = await StartBlockedAsync(client);
        try
        {
            var stopping = worker.TerminateAsync(TimeSpan.FromSeconds(60));
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.True(worker.IsRunning, "the worker exited without waiting for its running activity");
            File.Delete(block);
            Assert.Equal(0, await stopping);

            var details = await Instances.WaitForEndAsync(client, instanceId, cluster);
            Assert.Equal("Finished", Instances.Status(details));
            Assert.Equal(42, details["outputs"]!["answer"]!.GetValue<int>());
            // Drained, not redelivered: the activity ran once, on the worker that was told to stop.
            Assert.Single(await File.ReadAllLinesAsync(signal));
        }
        finally
        {
            if (!worker.IsRunning) await worker.StartAsync();
        }
    }

    [Fact]
    public async Task HttpTrigger_WithAStepOnAWorker_IsAnsweredByTheMasterHoldingTheRequest()
    {
        var path = $"cluster/{Guid.NewGuid():n}";
        await cluster.PublishAsync(ClusterFlows.HttpThroughWorker(path), cluster.Master2);
        using var anonymous = new HttpClient { BaseAddress = new Uri(cluster.Master2.Url), Timeout = TimeSpan.FromSeconds(60) };

        var response = await anonymous.PostAsJsonAsync($"/workflows/{path}", new JsonObject { ["n"] = 41 });

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(42, body["value"]!.GetValue<int>());
        Assert.Equal(cluster.East.ProcessId, body["pid"]!.GetValue<int>());
    }

    /// <summary>Dispatches the Blocking flow and waits until its BlockOnce runs: the worker running it, and the files that steer it.</summary>
    private async Task<(string InstanceId, string Signal, string Block, ClusterNode Worker)> StartBlockedAsync(HttpClient client)
    {
        var signal = Path.Combine(cluster.DataRoot, $"signal-{Guid.NewGuid():n}");
        var block = Path.Combine(cluster.DataRoot, $"block-{Guid.NewGuid():n}");
        await File.WriteAllTextAsync(block, "");
        var flow = await cluster.PublishAsync(ClusterFlows.Blocking(signal, block));
        var instanceId = await Instances.DispatchAsync(client, flow);
        var first = await WaitForLinesAsync(signal, 1);
        return (instanceId, signal, block, cluster.Workers.Single(w => first[0].EndsWith($"pid {w.ProcessId}")));
    }

    private static async Task<string[]> WaitForLinesAsync(string path, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            if (File.Exists(path) && await File.ReadAllLinesAsync(path) is { } lines && lines.Length >= count) return lines;
            Assert.True(DateTime.UtcNow < deadline, $"{path} never got {count} line(s)");
            await Task.Delay(50);
        }
    }
}
