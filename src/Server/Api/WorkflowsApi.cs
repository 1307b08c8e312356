using System.Text.Json.Nodes;
using ElsaFlow.Engine.Loading;
using ElsaFlow.Engine.Store;
using ElsaFlow.Server.Auth;
using ElsaFlow.Server.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElsaFlow.Server.Api;

/// <summary>Workflow definitions: list and search, create a draft from the native JSON document, read, update, delete.</summary>
public static class WorkflowsApi
{
    public static RouteGroupBuilder MapWorkflowsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/workflows").WithTags("Workflows");
        group.MapGet("/", List);
        // The body is read as text by the flow loader (duplicate keys and nesting refused with their line), not bound by the framework.
        group.MapPost("/", Create).RequireAuthorization(ApiPolicies.Write).Accepts<JsonObject>("application/json");
        group.MapGet("/{definitionId}", Get);
        group.MapPut("/{definitionId}", Update).RequireAuthorization(ApiPolicies.Write).Accepts<JsonObject>("application/json");
        group.MapDelete("/{definitionId}", Delete).RequireAuthorization(ApiPolicies.Write);
        return group;
    }

    public static async Task<Ok<List<WorkflowSummary>>> List(WorkflowDefinitions definitions, string? search, CancellationToken ct)
    {
        var latest = await definitions.Store.ListDefinitionsAsync(search, ct);
        var summaries = new List<WorkflowSummary>();
        foreach (var d in latest)
        {
            var published = d.IsPublished ? d : await definitions.Store.GetPublishedDefinitionAsync(d.DefinitionId, ct);
            var newest = (await definitions.Store.ListInstancesAsync(new InstanceQuery { DefinitionId = d.DefinitionId, Take = 1 }, ct)).Items.FirstOrDefault();
            var lastRun = newest is null ? null : new LastRun(newest.Id, newest.Status, newest.CreatedAt, newest.FinishedAt);
            summaries.Add(new WorkflowSummary(d.DefinitionId, d.Name, d.Description, d.Version, published?.Version, d.SourcePath is not null, d.UpdatedAt,
                lastRun));
        }
        return TypedResults.Ok(summaries);
    }

    public static async Task<Results<Created<WorkflowDetails>, ProblemHttpResult>> Create(WorkflowDefinitions definitions, HttpRequest request, CancellationToken ct)
    {
        var document = definitions.Loader.ReadDocument(await WorkflowDocumentsApi.ReadBodyAsync(request, ct), FlowFormat.Json, "the flow", out var unreadable);
        if (document is null) return ApiProblems.Invalid(unreadable, "The document is not a workflow definition");
        var loaded = definitions.Loader.FromDocument(document);
        if (loaded.Definition is not { DefinitionId.Length: > 0 } definition || ApiProblems.Unsavable(loaded.Problems) is not null)
            return ApiProblems.Invalid(loaded.Problems, "The document is not a workflow definition");
        if (await definitions.Store.GetDefinitionAsync(definition.DefinitionId, null, ct) is not null)
            return ApiProblems.Conflict($"Workflow '{definition.DefinitionId}' already exists: update it with PUT");
        var stored = await definitions.SaveAsync(definition, ct);
        return TypedResults.Created($"/api/workflows/{stored.DefinitionId}", definitions.Describe(stored));
    }

    public static async Task<Results<Ok<WorkflowDetails>, ProblemHttpResult>> Get(WorkflowDefinitions definitions, string definitionId, CancellationToken ct) =>
        await definitions.Store.GetDefinitionAsync(definitionId, null, ct) is { } stored
            ? TypedResults.Ok(definitions.Describe(stored))
            : ApiProblems.DefinitionNotFound(definitionId);

    /// <summary>Saves a changed document as a new draft version; <c>***</c> for a sensitive input keeps the stored value.</summary>
    public static async Task<Results<Ok<WorkflowDetails>, ProblemHttpResult>> Update(WorkflowDefinitions definitions, string definitionId, HttpRequest request,
        CancellationToken ct)
    {
        var latest = await definitions.Store.GetDefinitionAsync(definitionId, null, ct);
        if (latest is null) return ApiProblems.DefinitionNotFound(definitionId);
        if (latest.SourcePath is not null) return ReadOnly(definitionId, latest.SourcePath);
        var document = definitions.Loader.ReadDocument(await WorkflowDocumentsApi.ReadBodyAsync(request, ct), FlowFormat.Json, "the flow", out var unreadable);
        if (document is null) return ApiProblems.Invalid(unreadable, "The document is not a workflow definition");
        document["definitionId"] = definitionId;
        var loaded = definitions.Loader.FromDocument(document);
        if (loaded.Definition is not { } definition || ApiProblems.Unsavable(loaded.Problems) is not null)
            return ApiProblems.Invalid(loaded.Problems, "The document is not a workflow definition");
        definitions.RestoreSensitive(definition, latest);
        return TypedResults.Ok(definitions.Describe(await definitions.SaveAsync(definition, ct)));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(WorkflowDefinitions definitions, string definitionId, CancellationToken ct)
    {
        var latest = await definitions.Store.GetDefinitionAsync(definitionId, null, ct);
        if (latest is null) return ApiProblems.DefinitionNotFound(definitionId);
        if (latest.SourcePath is not null) return ReadOnly(definitionId, latest.SourcePath);
        await definitions.Store.DeleteDefinitionAsync(definitionId, ct);
        definitions.NotifyPublishedChanged();
        return TypedResults.NoContent();
    }

    internal static ProblemHttpResult ReadOnly(string definitionId, string path) =>
        ApiProblems.Conflict($"Workflow '{definitionId}' comes from the file {path} and is read-only here: save it under a new id instead");
}
