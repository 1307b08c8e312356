using ElsaFlow.Engine.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElsaFlow.Server.Api;

/// <summary>
/// Worker nodes. Until the message bus arrives, activities run in this process: the only worker is this node
/// (role "all", every group), answered with its current load.
/// </summary>
public static class WorkersApi
{
    public static RouteGroupBuilder MapWorkersApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/workers").WithTags("Workers");
        group.MapGet("/", List);
        return group;
    }

    public static Ok<WorkerNode[]> List(RuntimeOptions options, TimeProvider time) =>
        TypedResults.Ok(new[] { new WorkerNode(options.NodeId, ["all"], [], time.GetUtcNow(), options.MaxParallelActivities) });
}

/// <summary>A node that runs activities: its id, roles, pinned worker groups, last heartbeat and capacity.</summary>
public sealed record WorkerNode(string NodeId, IReadOnlyList<string> Roles, IReadOnlyList<string> Groups, DateTimeOffset LastHeartbeat,
    int MaxParallelActivities);
