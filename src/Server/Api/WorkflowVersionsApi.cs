using ElsaFlow.Server.Auth;
using ElsaFlow.Server.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElsaFlow.Server.Api;

/// <summary>Versions and publish state: list and read versions, publish the latest (it must be valid), unpublish, restore an old version as a new draft.</summary>
public static class WorkflowVersionsApi
{
    public static RouteGroupBuilder MapWorkflowVersionsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/workflows/{definitionId}").WithTags("Workflows");
        group.MapGet("/versions", ListVersions);
        group.MapGet("/versions/{version:int}", GetVersion);
        group.MapPost("/publish", Publish).RequireAuthorization(ApiPolicies.Write);
        group.MapPost("/unpublish", Unpublish).RequireAuthorization(ApiPolicies.Write);
        group.MapPost("/versions/{version:int}/restore", Restore).RequireAuthorization(ApiPolicies.Write);
        return group;
    }

    public static async Task<Results<Ok<List<WorkflowVersion>>, ProblemHttpResult>> ListVersions(WorkflowDefinitions definitions, string definitionId,
        CancellationToken ct)
    {
        var versions = await definitions.Store.ListDefinitionVersionsAsync(definitionId, ct);
        if (versions.Count == 0) return ApiProblems.DefinitionNotFound(definitionId);
        return TypedResults.Ok(versions.OrderByDescending(v => v.Version).Select(v => new WorkflowVersion(v.Version, v.IsPublished, v.IsLatest, v.UpdatedAt)).ToList());
    }

    public static async Task<Results<Ok<WorkflowDetails>, ProblemHttpResult>> GetVersion(WorkflowDefinitions definitions, string definitionId, int version,
        CancellationToken ct) =>
        await definitions.Store.GetDefinitionAsync(definitionId, version, ct) is { } stored
            ? TypedResults.Ok(definitions.Describe(stored))
            : ApiProblems.NotFound($"Workflow '{definitionId}' has no version {version}");

    /// <summary>Publishes the latest version (the draft): from now on runs use it. An invalid draft is refused with every problem.</summary>
    public static async Task<Results<Ok<WorkflowDetails>, ProblemHttpResult>> Publish(WorkflowDefinitions definitions, string definitionId, CancellationToken ct)
    {
        var latest = await definitions.Store.GetDefinitionAsync(definitionId, null, ct);
        if (latest is null) return ApiProblems.DefinitionNotFound(definitionId);
        var problems = definitions.Validate(definitions.Read(latest));
        if (problems.Count > 0) return ApiProblems.Invalid(problems, "Only a valid workflow can be published");
        await definitions.Store.PublishDefinitionAsync(definitionId, latest.Version, ct);
        definitions.NotifyPublishedChanged();
        return TypedResults.Ok(definitions.Describe((await definitions.Store.GetDefinitionAsync(definitionId, latest.Version, ct))!));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Unpublish(WorkflowDefinitions definitions, string definitionId, CancellationToken ct)
    {
        if (await definitions.Store.GetDefinitionAsync(definitionId, null, ct) is null) return ApiProblems.DefinitionNotFound(definitionId);
        await definitions.Store.UnpublishDefinitionAsync(definitionId, ct);
        definitions.NotifyPublishedChanged();
        return TypedResults.NoContent();
    }

    /// <summary>Copies an old version into a new draft version (the published version stays until the draft is published).</summary>
    public static async Task<Results<Ok<WorkflowDetails>, ProblemHttpResult>> Restore(WorkflowDefinitions definitions, string definitionId, int version,
        CancellationToken ct)
    {
        var old = await definitions.Store.GetDefinitionAsync(definitionId, version, ct);
        if (old is null) return ApiProblems.NotFound($"Workflow '{definitionId}' has no version {version}");
        var latest = (await definitions.Store.GetDefinitionAsync(definitionId, null, ct))!;
        if (latest.SourcePath is not null) return WorkflowsApi.ReadOnly(definitionId, latest.SourcePath);
        return TypedResults.Ok(definitions.Describe(await definitions.SaveAsync(definitions.Read(old), ct)));
    }
}
