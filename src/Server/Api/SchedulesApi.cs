using Microsoft.AspNetCore.Http.HttpResults;

namespace ElsaFlow.Server.Api;

/// <summary>Cron schedules. The scheduler is not built yet, so the list is always empty; the route is here for the Studio.</summary>
public static class SchedulesApi
{
    public static RouteGroupBuilder MapSchedulesApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/schedules").WithTags("Schedules");
        group.MapGet("/", List);
        return group;
    }

    public static Ok<object[]> List() => TypedResults.Ok(Array.Empty<object>());
}
