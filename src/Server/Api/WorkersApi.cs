using ElsaFlow.Cluster.Workers;
using ElsaFlow.Engine.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElsaFlow.Server.Api;

/// <summary>
/// The nodes of the cluster, from the registry every node writes its heartbeat to: the live ones and those lost or
/// stopped within the last hour, whichever master answers.
/// </summary>
public static class WorkersApi
{
    private static readonly TimeSpan RecentlyLost = TimeSpan.FromHours(1);

    public static RouteGroupBuilder MapWorkersApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/workers").WithTags("Workers");
        group.MapGet("/", List).WithSummary("The nodes seen within the last hour, with role, groups, load and whether they are live");
        return group;
    }

    public static async Task<Ok<WorkerNode[]>> List(IWorkerRegistry registry, WorkerDirectory directory, TimeProvider time, CancellationToken ct)
    {
        var nodes = await registry.ListAsync(time.GetUtcNow() - RecentlyLost, ct);
        return TypedResults.Ok(nodes.Select(n => new WorkerNode(n.NodeId, n.Role, n.Groups, n.Concurrency, n.Running, n.Version, n.StartedAt, n.LastSeen,
            n.StoppedAt, directory.IsLive(n))).ToArray());
    }
}

/// <summary>A node as its last heartbeat described it; <see cref="Live"/> is false once it stopped or missed three heartbeats.</summary>
public sealed record WorkerNode(string NodeId, string Role, IReadOnlyList<string> Groups, int Concurrency, int Running, string Version,
    DateTimeOffset StartedAt, DateTimeOffset LastSeen, DateTimeOffset? StoppedAt, bool Live);
