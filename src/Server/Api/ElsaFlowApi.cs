using ElsaFlow.Server.Auth;
using ElsaFlow.Server.Triggers;
using Scalar.AspNetCore;

namespace ElsaFlow.Server.Api;

/// <summary>Maps the whole HTTP surface: /api (every call needs an API key), its OpenAPI document and Scalar UI, and /health.</summary>
public static class ElsaFlowApi
{
    public const string OpenApiRoute = "/api/openapi/{documentName}.json";

    public static WebApplication MapElsaFlowApi(this WebApplication app)
    {
        // The document and the UI are public so a browser can open them; the UI sends X-Api-Key with every call it makes.
        app.MapOpenApi(OpenApiRoute).AllowAnonymous();
        app.MapScalarApiReference("/api/docs", options => options.WithOpenApiRoutePattern(OpenApiRoute).WithTitle("ElsaFlow API")).AllowAnonymous();

        var api = app.MapGroup("/api").RequireAuthorization(ApiPolicies.Read);
        api.MapActivitiesApi();
        api.MapWorkflowsApi();
        api.MapWorkflowFilesApi();
        api.MapWorkflowVersionsApi();
        api.MapWorkflowDocumentsApi();
        api.MapWorkflowRunsApi();
        api.MapInstancesApi();
        api.MapInstanceDataApi();
        api.MapEventsApi();
        api.MapSchedulesApi();
        api.MapWorkersApi();
        api.MapConnectionsApi();
        api.MapKeysApi();
        api.MapMeApi();
        app.MapHealthApi();
        app.MapHttpTriggers();
        return app;
    }
}
