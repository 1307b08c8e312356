using System.Text.Json;
using System.Text.Json.Nodes;
using ElsaFlow.Activities.Http;
using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Secrets;
using ElsaFlow.Engine.Store;
using ElsaFlow.Server.Admission;
using ElsaFlow.Server.Api;
using ElsaFlow.Server.Auth;
using ElsaFlow.Server.Hosting;

namespace ElsaFlow.Server.Triggers;

/// <summary>
/// Requests to /workflows/{path} start the published flow whose HttpEndpoint matches, with the request as the trigger's
/// token. The request stays open until the flow reaches HttpResponse (its answer), ends (200 with the outputs, or 500), or
/// the trigger timeout passes (202 with the instance id: follow it at /api/instances/{id}).
/// </summary>
public static class HttpTriggersApi
{
    public const string Prefix = "/workflows";

    public static IEndpointConventionBuilder MapHttpTriggers(this IEndpointRouteBuilder app) =>
        app.Map(Prefix + "/{**path}", Handle).AllowAnonymous().WithTags("Triggers").ExcludeFromDescription();

    public static async Task<IResult> Handle(HttpContext http, HttpTriggerRoutes routes, HttpResponseChannel channel, WorkflowRuntime runtime,
        InstanceSecrets secrets, InstanceAdmission admission, IIdGenerator ids, ServerOptions options, string? path, CancellationToken ct)
    {
        var (matches, values) = await routes.MatchAsync(path ?? "", ct);
        if (matches.Count == 0) return ApiProblems.NotFound($"No published workflow answers {Prefix}/{path}");
        var method = http.Request.Method.ToUpperInvariant();
        var route = matches.FirstOrDefault(r => r.Methods.Contains(method));
        if (route is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status405MethodNotAllowed, title: "Method not allowed",
                detail: $"{Prefix}/{path} answers {string.Join(", ", matches.SelectMany(r => r.Methods).Distinct())}");
        if (!route.IsPublic && !(http.User.IsInRole(ApiPolicies.RoleName(ApiRole.Operator)) || http.User.IsInRole(ApiPolicies.RoleName(ApiRole.Admin))))
            return http.User.Identity?.IsAuthenticated == true
                ? TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "This trigger needs an operator key")
                : TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                    detail: $"This trigger is not public: send an operator key in the {ApiKeyAuthenticationHandler.HeaderName} header");

        var instanceId = ids.NewId();
        var answer = channel.Open(instanceId);
        try
        {
            var request = await RequestTokenAsync(http, path ?? "", values, ct);
            await admission.StartAsync(runtime, new StartWorkflowRequest { DefinitionId = route.DefinitionId, Version = route.Version, InstanceId = instanceId, Trigger = request }, ct);
            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(ct);
            waiting.CancelAfter(options.HttpTriggerTimeout);
            var settled = runtime.WaitAsync(instanceId, waiting.Token);
            try
            {
                var first = await Task.WhenAny(answer, settled);
                if (first == answer) return Answer(await answer);
                var result = (await secrets.ForAsync(instanceId, ct)).Redact(await settled);
                if (answer.IsCompleted) return Answer(await answer);
                return result.Status switch
                {
                    WorkflowStatus.Finished => TypedResults.Ok(RunResults.From(result)),
                    WorkflowStatus.Faulted => TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "The workflow faulted",
                        detail: result.Error, extensions: new Dictionary<string, object?> { ["instanceId"] = instanceId }),
                    _ => TypedResults.Accepted($"/api/instances/{instanceId}", RunResults.From(result))
                };
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return TypedResults.Accepted($"/api/instances/{instanceId}", new DispatchResponse(instanceId));
            }
        }
        finally
        {
            channel.Close(instanceId);
        }
    }

    private static IResult Answer(HttpAnswer answer) => new HttpAnswerResult(answer);

    /// <summary>The trigger's token: {method, path, query, headers, body, routeValues}; the API key header is left out.</summary>
    public static async Task<JsonObject> RequestTokenAsync(HttpContext http, string path, RouteValueDictionary values, CancellationToken ct)
    {
        var query = new JsonObject();
        foreach (var (name, value) in http.Request.Query) query[name] = value.Count == 1 ? value.ToString() : new JsonArray(value.Select(v => (JsonNode?)v).ToArray());
        var headers = new JsonObject();
        foreach (var (name, value) in http.Request.Headers)
            if (!name.Equals(ApiKeyAuthenticationHandler.HeaderName, StringComparison.OrdinalIgnoreCase)) headers[name.ToLowerInvariant()] = value.ToString();
        var routeValues = new JsonObject();
        foreach (var (name, value) in values) routeValues[name] = value?.ToString();
        using var reader = new StreamReader(http.Request.Body);
        var text = await reader.ReadToEndAsync(ct);
        JsonNode? body = text.Length == 0 ? null : JsonValue.Create(text);
        if (text.Length > 0 && http.Request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try { body = JsonNode.Parse(text); }
            catch (JsonException) { /* keep the text */ }
        }
        return new JsonObject
        {
            ["method"] = http.Request.Method, ["path"] = "/" + path.Trim('/'), ["query"] = query, ["headers"] = headers, ["body"] = body, ["routeValues"] = routeValues
        };
    }

    private sealed class HttpAnswerResult(HttpAnswer answer) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = answer.StatusCode;
            foreach (var (name, value) in answer.Headers) http.Response.Headers[name] = value;
            if (answer.Body is null) return;
            http.Response.ContentType = answer.ContentType;
            await http.Response.WriteAsync(answer.Body, http.RequestAborted);
        }
    }
}
