using System.Data.Common;
using System.Text.Json.Nodes;
using ElsaFlow.Activities.Preview;
using ElsaFlow.Data;
using ElsaFlow.Data.Workspace;
using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Secrets;
using ElsaFlow.Engine.Loading;
using ElsaFlow.Engine.Store;
using ElsaFlow.Engine.Validation;
using ElsaFlow.Server.Admission;
using ElsaFlow.Server.Auth;
using ElsaFlow.Server.Hosting;
using ElsaFlow.Server.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElsaFlow.Server.Api;

/// <summary>
/// Running a definition: execute (wait up to ?timeout= for it to settle), dispatch (return at once), and preview (run up
/// to one activity on the first rows, writing nothing, and answer with its schema and rows; the preview instance is
/// deleted afterwards). Runs use the published version, else the latest draft; previews use the latest draft, or the
/// document sent (draft/preview: a designer's canvas, run as it is and saved nowhere). A preview needs only its
/// activity and what comes before it to be valid (<see cref="PreviewScope"/>).
/// </summary>
public static class WorkflowRunsApi
{
    public const int MaxPreviewRows = 10_000;

    public static RouteGroupBuilder MapWorkflowRunsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/workflows/{definitionId}").WithTags("Runs").RequireAuthorization(ApiPolicies.Write);
        group.MapPost("/execute", Execute);
        group.MapPost("/dispatch", Dispatch);
        group.MapPost("/preview/{activityId}", Preview);
        group.MapPost("/draft/preview/{activityId}", PreviewDraft);
        return group;
    }

    public static async Task<Results<Ok<RunResponse>, Accepted<RunResponse>, ProblemHttpResult>> Execute(WorkflowDefinitions definitions, WorkflowRuntime runtime,
        InstanceSecrets secrets, InstanceAdmission admission, ServerOptions options, string definitionId, string? timeout, string? correlationId, JsonObject? inputs, CancellationToken ct)
    {
        if (!RunResults.TryParseTimeout(timeout, options.ExecuteTimeout, out var wait)) return BadTimeout(timeout);
        var started = await StartAsync(definitions, runtime, admission, definitionId, correlationId, inputs, ct);
        if (started.Problem is { } problem) return problem;
        return RunResults.Answer(await RunResults.SettleAsync(runtime, secrets, started.InstanceId!, wait, ct));
    }

    public static async Task<Results<Accepted<DispatchResponse>, ProblemHttpResult>> Dispatch(WorkflowDefinitions definitions, WorkflowRuntime runtime,
        InstanceAdmission admission, string definitionId, string? correlationId, JsonObject? inputs, CancellationToken ct)
    {
        var started = await StartAsync(definitions, runtime, admission, definitionId, correlationId, inputs, ct);
        if (started.Problem is { } problem) return problem;
        return TypedResults.Accepted($"/api/instances/{started.InstanceId}", new DispatchResponse(started.InstanceId!));
    }

    public static async Task<Results<Ok<DataPreviewResponse>, ProblemHttpResult>> Preview(WorkflowDefinitions definitions, WorkflowRuntime runtime,
        DataWorkspaces workspaces, ServerOptions options, string definitionId, string activityId, int? rows, JsonObject? inputs, CancellationToken ct)
    {
        var limit = rows ?? 100;
        if (limit is < 1 or > MaxPreviewRows) return ApiProblems.BadRequest($"rows must be between 1 and {MaxPreviewRows}");
        var stored = await definitions.Store.GetDefinitionAsync(definitionId, null, ct);
        if (stored is null) return ApiProblems.DefinitionNotFound(definitionId);
        var definition = definitions.Read(stored);
        if (definition.AllActivities().All(a => a.Id != activityId)) return ApiProblems.NotFound($"Workflow '{definitionId}' has no activity '{activityId}'");
        var problems = PreviewScope.Blocking(definition, activityId, definitions.Validate(definition));
        if (problems.Count > 0) return ApiProblems.Invalid(problems);
        return await RunPreviewAsync(runtime, workspaces, options, new StartWorkflowRequest
        {
            DefinitionId = definitionId, Version = stored.Version, Inputs = inputs ?? new JsonObject(), PreviewActivityId = activityId, PreviewRows = limit
        }, ct);
    }

    /// <summary>Previews the document sent, as it is (unsaved edits included), without saving it: no new version.</summary>
    public static async Task<Results<Ok<DataPreviewResponse>, ProblemHttpResult>> PreviewDraft(WorkflowDefinitions definitions, WorkflowRuntime runtime,
        DataWorkspaces workspaces, ServerOptions options, string definitionId, string activityId, int? rows, PreviewDraftRequest body, CancellationToken ct)
    {
        var limit = rows ?? 100;
        if (limit is < 1 or > MaxPreviewRows) return ApiProblems.BadRequest($"rows must be between 1 and {MaxPreviewRows}");
        var stored = await definitions.Store.GetDefinitionAsync(definitionId, null, ct);
        if (stored is null) return ApiProblems.DefinitionNotFound(definitionId);
        var document = definitions.Loader.ReadDocument(body.Document.ToJsonString(), FlowFormat.Json, "the flow", out var unreadable);
        if (document is null) return ApiProblems.Invalid(unreadable, "The document is not a workflow definition");
        document["definitionId"] = definitionId;
        var loaded = definitions.Loader.FromDocument(document);
        if (loaded.Definition is not { } definition) return ApiProblems.Invalid(loaded.Problems, "The document is not a workflow definition");
        if (definition.AllActivities().All(a => a.Id != activityId)) return ApiProblems.NotFound($"Workflow '{definitionId}' has no activity '{activityId}'");
        definitions.RestoreSensitive(definition, stored);
        definition.Version = stored.Version;
        var problems = PreviewScope.Blocking(definition, activityId, loaded.Problems);
        if (problems.Count > 0) return ApiProblems.Invalid(problems);
        return await RunPreviewAsync(runtime, workspaces, options, new StartWorkflowRequest
        {
            Definition = definition, Inputs = body.Inputs ?? new JsonObject(), PreviewActivityId = activityId, PreviewRows = limit
        }, ct);
    }

    private static async Task<Results<Ok<DataPreviewResponse>, ProblemHttpResult>> RunPreviewAsync(WorkflowRuntime runtime, DataWorkspaces workspaces,
        ServerOptions options, StartWorkflowRequest request, CancellationToken ct)
    {
        var activityId = request.PreviewActivityId!;
        var limit = request.PreviewRows;
        var instanceId = await runtime.StartAsync(request, ct);
        try
        {
            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(ct);
            waiting.CancelAfter(options.ExecuteTimeout);
            var result = await runtime.WaitAsync(instanceId, waiting.Token);
            if (result.Status != WorkflowStatus.Finished)
                return ApiProblems.BadRequest($"The preview did not reach '{activityId}': the instance is {result.Status}{(result.Error is null ? "" : ": " + result.Error)}");
            if (Dataset.FromToken(result.Outputs["preview"]) is not { } dataset)
                return ApiProblems.BadRequest($"'{activityId}' produces no dataset to preview");
            var preview = await workspaces.ReadAsync(instanceId, dataset, workspace => workspace.PreviewAsync(dataset.Relation, 0, limit, ct), ct);
            return TypedResults.Ok(new DataPreviewResponse(preview.Columns, preview.RowCount, 0, preview.Rows));
        }
        catch (DbException e)
        {
            return ApiProblems.BadRequest(ActivityPreviewer.Unreadable(activityId, e).Message);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return TypedResults.Problem(title: "Preview timed out", statusCode: StatusCodes.Status504GatewayTimeout,
                detail: $"The preview did not reach '{activityId}' within {options.ExecuteTimeout}");
        }
        finally
        {
            await DiscardAsync(runtime, workspaces, instanceId);
        }
    }

    private static async Task DiscardAsync(WorkflowRuntime runtime, DataWorkspaces workspaces, string instanceId)
    {
        if (await runtime.Store.GetInstanceAsync(instanceId) is { Status: WorkflowStatus.Running or WorkflowStatus.Suspended })
            await runtime.CancelAsync(instanceId);
        await runtime.Store.DeleteInstanceAsync(instanceId);
        workspaces.Delete(instanceId);
    }

    private static async Task<(string? InstanceId, ProblemHttpResult? Problem)> StartAsync(WorkflowDefinitions definitions, WorkflowRuntime runtime,
        InstanceAdmission admission, string definitionId, string? correlationId, JsonObject? inputs, CancellationToken ct)
    {
        var stored = await definitions.GetRunnableAsync(definitionId, ct);
        if (stored is null) return (null, ApiProblems.DefinitionNotFound(definitionId));
        var problems = definitions.Validate(definitions.Read(stored));
        if (problems.Count > 0) return (null, ApiProblems.Invalid(problems));
        var instanceId = await admission.StartAsync(runtime, new StartWorkflowRequest
        {
            DefinitionId = definitionId, Version = stored.Version, Inputs = inputs ?? new JsonObject(), CorrelationId = correlationId
        }, ct);
        return (instanceId, null);
    }

    private static ProblemHttpResult BadTimeout(string? timeout) =>
        ApiProblems.BadRequest($"timeout '{timeout}' is not a duration: write hh:mm:ss, for example 00:00:30");
}
