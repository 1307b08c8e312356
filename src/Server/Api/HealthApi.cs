using ElsaFlow.Engine.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElsaFlow.Server.Api;

/// <summary>GET /health, without an API key: 200 when the store answers, 503 otherwise.</summary>
public static class HealthApi
{
    public static RouteHandlerBuilder MapHealthApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", Check).WithTags("Health").AllowAnonymous();

    public static async Task<Results<Ok<HealthStatus>, JsonHttpResult<HealthStatus>>> Check(IWorkflowStore store, CancellationToken ct)
    {
        try
        {
            await store.ListInstancesAsync(new InstanceQuery { Take = 1 }, ct);
            return TypedResults.Ok(new HealthStatus("Healthy", null));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return TypedResults.Json(new HealthStatus("Unhealthy", e.Message), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}

public sealed record HealthStatus(string Status, string? Error);
