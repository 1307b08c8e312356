using System.Text.Json.Nodes;
using ElsaFlow.Data.Workspace;
using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Secrets;
using ElsaFlow.Engine.Store;
using ElsaFlow.Server.Auth;
using ElsaFlow.Server.Hosting;
using ElsaFlow.Server.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElsaFlow.Server.Api;

/// <summary>
/// Workflow instances: list with filters and paging, state, journal, logs; cancel, resume, retry, delete. Every answer is
/// redacted through the instance's secrets (<see cref="InstanceSecrets"/>): values derived from a sensitive input show as ***.
/// </summary>
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

    public static async Task<Results<Ok<PageResponse<InstanceSummary>>, ProblemHttpResult>> List(IWorkflowStore store, InstanceSecrets secrets, string? definition, WorkflowStatus? status,
        string? correlationId, DateTimeOffset? createdAfter, DateTimeOffset? createdBefore, int? skip, int? take, CancellationToken ct)
    {
        var (from, count) = (skip ?? 0, take ?? 50);
        if (from < 0 || count is < 1 or > MaxTake) return ApiProblems.BadRequest($"skip must be 0 or more and take between 1 and {MaxTake}");
        var page = await store.ListInstancesAsync(new InstanceQuery
        {
            DefinitionId = definition, Status = status, CorrelationId = correlationId, CreatedAfter = createdAfter, CreatedBefore = createdBefore,
            Skip = from, Take = count
        }, ct);
        // Only an error can quote a secret in a summary: the others are not looked up.
        var items = new List<InstanceSummary>(page.Items.Count);
        foreach (var item in page.Items)
            items.Add(InstanceSummary.From(item.Error is null ? item : (await secrets.ForAsync(item.Id, ct)).Redact(item)));
        return TypedResults.Ok(new PageResponse<InstanceSummary>(items, page.Total, from, count));
    }

    /// <summary>The instance's state; its own sensitive inputs are shown as <c>***</c>, and every secret's text is redacted elsewhere.</summary>
    public static async Task<Results<Ok<InstanceDetails>, ProblemHttpResult>> Get(WorkflowRuntime runtime, InstanceSecrets secrets, string instanceId,
        CancellationToken ct)
    {
        if (await runtime.Store.GetInstanceAsync(instanceId, ct) is not { } record) return ApiProblems.InstanceNotFound(instanceId);
        var state = WorkflowStateSerializer.Deserialize(record.StateJson);
        var result = await runtime.GetResultAsync(instanceId, ct);
        var redact = await secrets.ForAsync(instanceId, ct);
        var inputs = SensitiveInputs.HideInputs(state.Inputs, await secrets.SensitiveInputsAsync(record, ct));
        return TypedResults.Ok(new InstanceDetails(InstanceSummary.From(redact.Redact(record)), redact.Redact(inputs)!, redact.Redact(state.Variables)!,
            redact.Redact(state.Outputs)!, state.ActivityOutputs.ToDictionary(o => o.Key, o => redact.Redact(o.Value)),
            result.Bookmarks.Select(redact.Redact).ToList(), result.FaultedActivityId));
    }

    public static async Task<Results<Ok<IReadOnlyList<JournalEntry>>, ProblemHttpResult>> Journal(IWorkflowStore store, InstanceSecrets secrets, string instanceId,
        CancellationToken ct)
    {
        if (await store.GetInstanceAsync(instanceId, ct) is null) return ApiProblems.InstanceNotFound(instanceId);
        var redact = await secrets.ForAsync(instanceId, ct);
        return TypedResults.Ok<IReadOnlyList<JournalEntry>>((await store.GetJournalAsync(instanceId, ct)).Select(redact.Redact).ToList());
    }

    public static async Task<Results<Ok<IReadOnlyList<LogEntry>>, ProblemHttpResult>> Logs(IWorkflowStore store, InstanceSecrets secrets, string instanceId,
        CancellationToken ct)
    {
        if (await store.GetInstanceAsync(instanceId, ct) is null) return ApiProblems.InstanceNotFound(instanceId);
        var redact = await secrets.ForAsync(instanceId, ct);
        return TypedResults.Ok<IReadOnlyList<LogEntry>>((await store.GetLogsAsync(instanceId, ct)).Select(redact.Redact).ToList());
    }

    public static async Task<Ok<RunResponse>> Cancel(WorkflowRuntime runtime, InstanceSecrets secrets, string instanceId, CancellationToken ct)
    {
        await runtime.CancelAsync(instanceId);
        return TypedResults.Ok(RunResults.From((await secrets.ForAsync(instanceId, ct)).Redact(await runtime.GetResultAsync(instanceId, ct))));
    }

    /// <summary>Resumes one bookmark of the instance with a payload; a second resume of the same bookmark is a 409.</summary>
    public static async Task<Results<Ok<RunResponse>, Accepted<RunResponse>, ProblemHttpResult>> Resume(WorkflowRuntime runtime, InstanceSecrets secrets, ServerOptions options,
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
        return RunResults.Answer(await RunResults.SettleAsync(runtime, secrets, instanceId, wait, ct));
    }

    public static async Task<Results<Ok<RunResponse>, Accepted<RunResponse>, ProblemHttpResult>> Retry(WorkflowRuntime runtime, InstanceSecrets secrets, ServerOptions options,
        string instanceId, string? timeout, CancellationToken ct)
    {
        if (!RunResults.TryParseTimeout(timeout, options.ExecuteTimeout, out var wait)) return ApiProblems.BadRequest($"timeout '{timeout}' is not a duration (hh:mm:ss)");
        await runtime.RetryAsync(instanceId);
        return RunResults.Answer(await RunResults.SettleAsync(runtime, secrets, instanceId, wait, ct));
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
