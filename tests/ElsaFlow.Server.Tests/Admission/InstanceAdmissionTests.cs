using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Store;
using ElsaFlow.Server.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaFlow.Server.Tests.Admission;

public sealed class InstanceAdmissionTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Dispatch_BeyondTheCap_WaitsForASlot_AndEveryRunFinishes()
    {
        var watcher = new RunningWatcher();
        await using var factory = fixture.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ElsaFlow:DataFolder", fixture.DataFolder + "-capped");
            builder.UseSetting("ElsaFlow:MaxRunningInstances", "1");
            builder.ConfigureTestServices(services => services.AddSingleton<IWorkflowObserver>(watcher));
        });
        var admin = factory.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Api-Key", ServerFixture.AdminKey);
        (await admin.PostAsJsonAsync("/api/workflows", JsonNode.Parse(Flows.ShortDelay))).EnsureSuccessStatusCode();
        (await admin.PostAsync("/api/workflows/short-wait/publish", null)).EnsureSuccessStatusCode();

        var dispatches = Enumerable.Range(0, 3).Select(_ => admin.PostAsJsonAsync("/api/workflows/short-wait/dispatch", new JsonObject())).ToList();
        var queued = await QueuedStartsSeenAsync(factory.CreateClient(), dispatches);
        var ids = new List<string>();
        foreach (var dispatch in dispatches) ids.Add((await HttpAssert.Json(await dispatch, HttpStatusCode.Accepted))["instanceId"]!.GetValue<string>());
        foreach (var id in ids) await WaitForStatusAsync(admin, id, "Finished");

        Assert.Equal(3, ids.Distinct().Count());
        Assert.Equal(1, watcher.MostAtOnce);
        Assert.True(queued, "elsaflow_queued_starts never showed a waiting start");
    }

    private static async Task<bool> QueuedStartsSeenAsync(HttpClient anonymous, IReadOnlyList<Task<HttpResponseMessage>> dispatches)
    {
        var seen = false;
        while (!seen && !dispatches.All(d => d.IsCompleted))
        {
            var metrics = await anonymous.GetStringAsync("/metrics");
            seen = metrics.Split('\n').Any(l => l.StartsWith("elsaflow_queued_starts ", StringComparison.Ordinal) && l.Trim() != "elsaflow_queued_starts 0");
            await Task.Delay(20);
        }
        return seen;
    }

    private static async Task WaitForStatusAsync(HttpClient client, string id, string status)
    {
        var last = "";
        for (var i = 0; i < 200 && last != status; i++)
        {
            last = JsonNode.Parse(await client.GetStringAsync($"/api/instances/{id}"))!["instance"]!["status"]!.GetValue<string>();
            if (last != status) await Task.Delay(100);
        }
        Assert.Equal(status, last);
    }

    /// <summary>Counts instances between their first Running and their end, and keeps the most seen at once.</summary>
    private sealed class RunningWatcher : IWorkflowObserver
    {
        private readonly ConcurrentDictionary<string, byte> _running = new(StringComparer.Ordinal);
        private int _most;

        public int MostAtOnce => Volatile.Read(ref _most);

        public void OnInstanceStatusChanged(string instanceId, string definitionId, WorkflowStatus status)
        {
            if (status is WorkflowStatus.Running or WorkflowStatus.Suspended) _running.TryAdd(instanceId, 0);
            else _running.TryRemove(instanceId, out _);
            var now = _running.Count;
            int seen;
            while (now > (seen = Volatile.Read(ref _most)) && Interlocked.CompareExchange(ref _most, now, seen) != seen) { }
        }
    }
}
