using System.Text.Json.Nodes;
using ElsaFlow.Engine.Runtime;
using ElsaFlow.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElsaFlow.Server.Api;

/// <summary>Raising named events: every instance waiting on an Event activity with that name continues with the payload.</summary>
public static class EventsApi
{
    public static RouteGroupBuilder MapEventsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/events").WithTags("Events").RequireAuthorization(ApiPolicies.Write);
        group.MapPost("/{name}", Raise);
        return group;
    }

    /// <summary>Answers how many instances were resumed (0 when none waits on the name).</summary>
    public static async Task<Ok<EventRaised>> Raise(WorkflowRuntime runtime, string name, JsonNode? payload, CancellationToken ct)
    {
        try
        {
            return TypedResults.Ok(new EventRaised(name, await runtime.RaiseEventAsync(name, payload, ct)));
        }
        catch (BookmarkNotFoundException)
        {
            return TypedResults.Ok(new EventRaised(name, 0));
        }
    }
}
