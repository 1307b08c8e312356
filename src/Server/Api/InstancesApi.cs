using System.Text.Json.Nodes;
using ElsaFlow.Data.Workspace;
using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Store;
using ElsaFlow.Server.Auth;
using ElsaFlow.Server.Hosting;
using ElsaFlow.Server.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElsaFlow.Server.Api;

/// <summary>Workflow instances: list with filters and paging, state, journal, logs; cancel, resume, retry, delete.</summary>
public static class InstancesApi
{
    public const int MaxTake = 500;

    public static RouteGroupBuilder MapInstancesApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/instances").WithTags("Instances");
        group.MapGet("/", List);
        group.MapGet("/{instanceId}", Get);
        group.MapGet("/{instanceId}/journal", Journal);
        group.MapGet("/{instanceId}/logs", Logs);
        group.MapPost("/{instanceId}/cancel", Cancel).RequireAuthorization(ApiPolicies.Write);
        group.MapPost("/{instanceId}/resume", Resume).RequireAuthorization(ApiPolicies.Write);
        group.MapPost("/{instanceId}/retry", Retry).RequireAuthorization(ApiPolicies.Write);
        group.MapDelete("/{instanceId}", Delete).RequireAuthorization(ApiPolicies.Write);
        return group;
    }

    public static async Task<Results<Ok<PageResponse<InstanceSummary>>, ProblemHttpResult>> List(IWorkflowStore store, string? definition, WorkflowStatus? status,
        string? correlationId, DateTimeOffset? createdAfter, DateTimeOffset? createdBefore, int? skip, int? take, CancellationToken ct)
    {
        var (from, count) = (skip ?? 0, take ?? 50);
        if (from < 0 || count is < 1 or > MaxTake) return ApiProblems.BadRequest($"skip must be 0 or more and take between 1 and {MaxTake}");
        var page = await store.ListInstancesAsync(new InstanceQuery
        {
            DefinitionId = definition, Status = status, CorrelationId = correlationId, CreatedAfter = createdAfter, CreatedBefore = createdBefore,
            Skip = from, Take = count
        }, ct);
        return TypedResults.Ok(new PageResponse<InstanceSummary>(page.Items.Select(InstanceSummary.From).ToList(), page.Total, from, count));
    }

    /// <summary>The instance's state; workflow inputs that feed a sensitive activity input are shown as <c>***</c>.</summary>
    public static async Task<Results<Ok<InstanceDetails>, ProblemHttpResult>> Get(WorkflowRuntime runtime, WorkflowDefinitions definitions, string instanceId,
        CancellationToken ct)
    {
        if (await runtime.Store.GetInstanceAsync(instanceId, ct) is not { } record) return ApiProblems.InstanceNotFound(instanceId);
        var state = WorkflowStateSerializer.Deserialize(record.StateJson);
        var result = await runtime.GetResultAsync(instanceId, ct);
        var inputs = await definitions.Store.GetDefinitionAsync(record.DefinitionId, record.DefinitionVersion, ct) is { } stored
            ? SensitiveInputs.HideInputs(state.Inputs, SensitiveInputs.FeedingInputs(definitions.Read(stored), runtime.Registry))
            : state.Inputs;
        return TypedResults.Ok(new InstanceDetails(InstanceSummary.From(record), inputs, state.Variables, state.Outputs, state.ActivityOutputs,
            result.Bookmarks, result.FaultedActivityId));
    }

    public static async Task<Results<Ok<IReadOnlyList<JournalEntry>>, ProblemHttpResult>> Journal(IWorkflowStore store, string instanceId, CancellationToken ct) =>
        await store.GetInstanceAsync(instanceId, ct) is null ? ApiProblems.InstanceNotFound(instanceId) : TypedResults.Ok(await store.GetJournalAsync(instanceId, ct));

    public static async Task<Results<Ok<IReadOnlyList<LogEntry>>, ProblemHttpResult>> Logs(IWorkflowStore store, string instanceId, CancellationToken ct) =>
        await store.GetInstanceAsync(instanceId, ct) is null ? ApiProblems.InstanceNotFound(instanceId) : TypedResults.Ok(await store.GetLogsAsync(instanceId, ct));

    public static async Task<Ok<RunResponse>> Cancel(WorkflowRuntime runtime, string instanceId, CancellationToken ct)
    {
        await runtime.CancelAsync(instanceId);
        return TypedResults.Ok(RunResults.From(await runtime.GetResultAsync(instanceId, ct)));
    }

    /// <summary>Resumes one bookmark of the instance with a payload; a second resume of the same bookmark is a 409.</summary>
    public static async Task<Results<Ok<RunResponse>, Accepted<RunResponse>, ProblemHttpResult>> Resume(WorkflowRuntime runtime, ServerOptions options,
        string instanceId, ResumeRequest request, string? timeout, CancellationToken ct)
    {
        if (!RunResults.TryParseTimeout(timeout, options.ExecuteTimeout, out var wait)) return ApiProblems.BadRequest($"timeout '{timeout}' is not a duration (hh:mm:ss)");
        if (await runtime.Store.GetInstanceAsync(instanceId, ct) is null) return ApiProblems.InstanceNotFound(instanceId);
        if (string.IsNullOrWhiteSpace(request.BookmarkId)) return ApiProblems.BadRequest("Give the bookmarkId to resume");
        // A bookmark of a sub-flow the instance waits on may be resumed through the parent too.
        if (await runtime.Store.GetBookmarkAsync(request.BookmarkId, ct) is { } bookmark && bookmark.InstanceId != instanceId
            && (await runtime.GetResultAsync(instanceId, ct)).Bookmarks.All(b => b.Id != bookmark.Id))
            return ApiProblems.NotFound($"Instance '{instanceId}' does not wait on bookmark '{request.BookmarkId}'");
        await runtime.ResumeAsync(request.BookmarkId, request.Payload?.DeepClone(), ct);
        return RunResults.Answer(await RunResults.SettleAsync(runtime, instanceId, wait, ct));
    }

    public static async Task<Results<Ok<RunResponse>, Accepted<RunResponse>, ProblemHttpResult>> Retry(WorkflowRuntime runtime, ServerOptions options,
        string instanceId, string? timeout, CancellationToken ct)
    {
        if (!RunResults.TryParseTimeout(timeout, options.ExecuteTimeout, out var wait)) return ApiProblems.BadRequest($"timeout '{timeout}' is not a duration (hh:mm:ss)");
        await runtime.RetryAsync(instanceId);
        return RunResults.Answer(await RunResults.SettleAsync(runtime, instanceId, wait, ct));
    }

    /// <summary>Deletes the instance with its journal, log and workspace; one still running or waiting is cancelled first.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(WorkflowRuntime runtime, DataWorkspaces workspaces, string instanceId, CancellationToken ct)
    {
        if (await runtime.Store.GetInstanceAsync(instanceId, ct) is not { } record) return ApiProblems.InstanceNotFound(instanceId);
        if (record.Status is WorkflowStatus.Running or WorkflowStatus.Suspended) await runtime.CancelAsync(instanceId);
        await runtime.Store.DeleteInstanceAsync(instanceId, ct);
        workspaces.Delete(instanceId);
        return TypedResults.NoContent();
    }
}
