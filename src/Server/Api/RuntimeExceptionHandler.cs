using ElsaFlow.Data.Paths;
using ElsaFlow.Engine.Runtime;
using Microsoft.AspNetCore.Diagnostics;

namespace ElsaFlow.Server.Api;

/// <summary>Turns the runtime's exceptions into problem+json: unknown things 404, conflicts 409, invalid flows 400 with the list.</summary>
internal sealed class RuntimeExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        IResult? result = exception switch
        {
            WorkflowValidationException e => ApiProblems.Invalid(e.Problems),
            InstanceNotFoundException or BookmarkNotFoundException or DefinitionNotFoundException => ApiProblems.NotFound(exception.Message),
            BookmarkConflictException or InvalidInstanceStateException => ApiProblems.Conflict(exception.Message),
            DataPathException => ApiProblems.BadRequest(exception.Message),
            BadHttpRequestException e => TypedResults.Problem(title: "Bad request", statusCode: e.StatusCode, detail: Detail(e)),
            _ => null
        };
        if (result is null) return false;
        await result.ExecuteAsync(context);
        return true;
    }

    /// <summary>The framework's "Failed to read parameter" with the JSON reader's reason and place, when it has one.</summary>
    private static string Detail(BadHttpRequestException e) =>
        e.InnerException is System.Text.Json.JsonException json ? $"{e.Message} {json.Message}" : e.Message;
}
