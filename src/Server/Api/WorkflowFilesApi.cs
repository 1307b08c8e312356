using ElsaFlow.Server.HotReload;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElsaFlow.Server.Api;

/// <summary>The files of the watched workflows folder: what each published, or the problems that keep it from publishing.</summary>
public static class WorkflowFilesApi
{
    public static RouteGroupBuilder MapWorkflowFilesApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/workflows/files").WithTags("Workflows");
        group.MapGet("/", List);
        return group;
    }

    public static Ok<IReadOnlyList<WorkflowFile>> List(WorkflowFiles files) => TypedResults.Ok(files.List());
}
