using Microsoft.AspNetCore.Http.HttpResults;

namespace ElsaFlow.Server.Api;

/// <summary>Worker nodes. Activities run in this process (no bus yet), so no worker announces itself and the list is empty.</summary>
public static class WorkersApi
{
    public static RouteGroupBuilder MapWorkersApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/workers").WithTags("Workers");
        group.MapGet("/", List);
        return group;
    }

    public static Ok<object[]> List() => TypedResults.Ok(Array.Empty<object>());
}
