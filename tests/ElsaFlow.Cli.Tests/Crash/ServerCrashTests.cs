using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ElsaFlow.Cli.Tests.Support;

namespace ElsaFlow.Cli.Tests.Crash;

/// <summary>
/// The server killed (SIGKILL) with instances in flight, started again over the same folder: every instance whose id
/// was handed out exists and finishes once, with the output a clean run gives.
/// </summary>
[Trait("Suite", "Crash")]
public sealed class ServerCrashTests : IAsyncLifetime
{
    private const int Instances = 50;

    // Eight steps per instance, each a code activity in flight for a while or a durable timer: at any moment most
    // instances are Running (a kill leaves them with a live lease), some wait on a timer, some are done.
    private const string SlowSum = """
        {"definitionId": "slow-sum", "inputs": [{"name": "k", "type": "Number", "default": 1}],
         "variables": [{"name": "total", "value": 0}],
         "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "loop", "type": "For", "from": 1, "to": 8},
           {"id": "work", "type": "Sleep", "duration": "00:00:00.200"},
           {"id": "nap", "type": "Delay", "duration": "00:00:00.050"},
           {"id": "add", "type": "SetVariable", "variable": "total", "value": {"expression": {"type": "JavaScript", "value": "variables.total + item * inputs.k"}}},
           {"id": "end", "type": "Finish", "outputs": {"total": {"expression": {"type": "JavaScript", "value": "variables.total"}}}}],
          "connections": [
           {"source": {"activity": "loop", "port": "Iterate"}, "target": {"activity": "work", "port": "In"}},
           {"source": {"activity": "work", "port": "Done"}, "target": {"activity": "nap", "port": "In"}},
           {"source": {"activity": "nap", "port": "Done"}, "target": {"activity": "add", "port": "In"}},
           {"source": {"activity": "loop", "port": "Done"}, "target": {"activity": "end", "port": "In"}}]}}
        """;

    private readonly ServedServer _server = ServedServer.With("--plugins", CliWorkspace.PluginsSource, "--ElsaFlow:LeaseDuration=00:00:08", "--ElsaFlow:SweepInterval=00:00:01");

    public async Task InitializeAsync()
    {
        await _server.StartAsync();
        await _server.PublishAsync(SlowSum);
    }

    [Fact]
    public async Task Restart_AtOnceAfterAKillDuringDispatches_EveryAcceptedInstanceFinishesWithItsOutput()
    {
        var accepted = await DispatchWhileKillingAsync(killAfter: Instances / 2);

        await _server.StartAsync();

        await AssertAllFinishedAsync(accepted);
    }

    [Fact]
    public async Task Restart_LaterThanTheLeaseAfterAKillMidRun_EveryInstanceFinishesOnce()
    {
        var accepted = await DispatchAsync(Instances);
        await Task.Delay(TimeSpan.FromSeconds(1)); // mid-run: each instance takes about 2 s of timers
        await _server.KillAsync();
        await Task.Delay(TimeSpan.FromSeconds(9)); // past the lease: the sweep at start finds every orphan

        await _server.StartAsync();

        await AssertAllFinishedAsync(accepted);
    }

    private async Task<Dictionary<string, int>> DispatchAsync(int count)
    {
        using var client = _server.Client();
        var accepted = new Dictionary<string, int>();
        for (var k = 1; k <= count; k++) accepted[await DispatchOneAsync(client, k)] = k;
        return accepted;
    }

    /// <summary>Dispatches until the server dies under it: it is killed after <paramref name="killAfter"/> answers, while more requests are in flight.</summary>
    private async Task<Dictionary<string, int>> DispatchWhileKillingAsync(int killAfter)
    {
        using var client = _server.Client();
        var accepted = new Dictionary<string, int>();
        var requests = Enumerable.Range(1, Instances).Select(async k =>
        {
            try { return (Id: await DispatchOneAsync(client, k), K: k); }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return (Id: (string?)null, K: k); }
        }).ToList();
        var kill = Task.Run(async () =>
        {
            while (requests.Count(r => r.IsCompletedSuccessfully && r.Result.Id is not null) < killAfter) await Task.Delay(5);
            await _server.KillAsync();
        });
        foreach (var (id, k) in await Task.WhenAll(requests))
            if (id is not null) accepted[id] = k;
        await kill;
        Assert.True(accepted.Count >= killAfter, $"only {accepted.Count} dispatches were accepted");
        return accepted;
    }

    private static async Task<string> DispatchOneAsync(HttpClient client, int k)
    {
        var response = await client.PostAsJsonAsync("/api/workflows/slow-sum/dispatch", new JsonObject { ["k"] = k });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!.GetValue<string>();
    }

    private async Task AssertAllFinishedAsync(Dictionary<string, int> accepted)
    {
        using var client = _server.Client();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        var pending = accepted.Keys.ToHashSet();
        while (pending.Count > 0)
        {
            foreach (var id in pending.ToList())
            {
                var response = await client.GetAsync($"/api/instances/{id}");
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"accepted instance {id} answers {(int)response.StatusCode} after the restart");
                var details = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
                var status = details["instance"]!["status"]!.GetValue<string>();
                Assert.NotEqual("Faulted", status);
                if (status != "Finished") continue;
                Assert.Equal(36 * accepted[id], details["outputs"]!["total"]!.GetValue<int>());
                pending.Remove(id);
            }
            Assert.True(DateTime.UtcNow < deadline, $"{pending.Count} of {accepted.Count} instances never finished after the restart: {string.Join(", ", pending.Take(5))}");
            if (pending.Count > 0) await Task.Delay(250);
        }

        // Finished once: one WorkflowFinished line in every journal.
        foreach (var id in accepted.Keys)
        {
            var journal = (await client.GetFromJsonAsync<JsonArray>($"/api/instances/{id}/journal"))!;
            Assert.Equal(1, journal.Count(e => e!["kind"]!.GetValue<string>() == "WorkflowFinished"));
        }
    }

    public Task DisposeAsync() => _server.DisposeAsync();
}
