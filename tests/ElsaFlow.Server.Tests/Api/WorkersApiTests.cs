using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Store;
using ElsaFlow.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaFlow.Server.Tests.Api;

/// <summary>GET /api/workers answers from the registry every node writes its heartbeats to, not from the node that answers.</summary>
public sealed class WorkersApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task List_ThisNodeHasBeatenAndAnotherWasLostLongAgo_ShowsBothWithWhoIsLive()
    {
        var registry = server.Services.GetRequiredService<IWorkerRegistry>();
        var self = server.Services.GetRequiredService<RuntimeOptions>().NodeId;
        var now = DateTimeOffset.UtcNow;
        await registry.HeartbeatAsync(new WorkerRecord
        {
            NodeId = "gpu-box:77:lost", Role = "Worker", Groups = ["gpu"], Concurrency = 4, Running = 2, Version = "1.0",
            StartedAt = now.AddMinutes(-30), LastSeen = now.AddMinutes(-10)
        });
        await WaitForAsync(async () => (await registry.ListAsync(now.AddMinutes(-1))).Any(w => w.NodeId == self));

        var workers = (await HttpAssert.Json(await server.Viewer.GetAsync("/api/workers"))).AsArray();

        var node = workers.Single(w => w!["nodeId"]!.GetValue<string>() == self)!;
        Assert.Equal("All", node["role"]!.GetValue<string>());
        Assert.True(node["live"]!.GetValue<bool>());
        Assert.True(node["concurrency"]!.GetValue<int>() > 0);
        var lost = workers.Single(w => w!["nodeId"]!.GetValue<string>() == "gpu-box:77:lost")!;
        Assert.False(lost["live"]!.GetValue<bool>());
        Assert.Equal(["gpu"], lost["groups"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.Equal(2, lost["running"]!.GetValue<int>());
    }

    [Fact]
    public async Task List_TwoNodesOnOneStore_EachListsBoth()
    {
        var folder = Directory.CreateTempSubdirectory("elsaflow-workers").FullName;
        try
        {
            var data = Path.Combine(folder, ".elsaflow");
            var root = Directory.CreateDirectory(Path.Combine(folder, "data")).FullName;
            await using var first = new ServerNode(data, root, TimeProvider.System);
            _ = first.Server; // started (and migrated) before the second node opens the same database
            await using var second = new ServerNode(data, root, TimeProvider.System);
            _ = second.Server;
            string[] both = [first.Services.GetRequiredService<RuntimeOptions>().NodeId, second.Services.GetRequiredService<RuntimeOptions>().NodeId];

            await WaitForAsync(async () => both.All((await NodeIdsAsync(first)).Contains));

            Assert.Subset((await NodeIdsAsync(second)).ToHashSet(), both.ToHashSet());
            // The answers that reach a node for another node's instance wait in the same database.
            Assert.Same(first.Services.GetRequiredService<IWorkflowStore>(), first.Services.GetRequiredService<IInstanceInbox>());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string[]> NodeIdsAsync(ServerNode node) =>
        (await HttpAssert.Json(await node.Admin().GetAsync("/api/workers"))).AsArray().Select(w => w!["nodeId"]!.GetValue<string>()).ToArray();

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "a node never wrote its heartbeat");
            await Task.Delay(50);
        }
    }
}
