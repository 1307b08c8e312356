using ElsaFlow.Engine.Descriptors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElsaFlow.Server.Api;

/// <summary>The activity descriptors: what the Studio palette lists and its property panels edit.</summary>
public static class ActivitiesApi
{
    public static RouteGroupBuilder MapActivitiesApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/activities").WithTags("Activities");
        group.MapGet("/", List);
        return group;
    }

    public static Ok<List<ActivityDescriptor>> List(ActivityRegistry registry) =>
        TypedResults.Ok(registry.Descriptors.OrderBy(d => d.Category, StringComparer.Ordinal).ThenBy(d => d.Type, StringComparer.Ordinal).ToList());
}
