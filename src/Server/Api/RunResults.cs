using ElsaFlow.Engine.Model;
using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Secrets;
using ElsaFlow.Engine.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElsaFlow.Server.Api;

/// <summary>Waits a while for an instance to settle: 200 with where it stands, or 202 with its id when it is still running.</summary>
public static class RunResults
{
    public static bool TryParseTimeout(string? text, TimeSpan fallback, out TimeSpan timeout)
    {
        timeout = fallback;
        return text is null || Duration.TryParse(text, out timeout);
    }

    /// <summary>Where the instance stands once it settled (its secrets redacted), or a Running answer (Settled false) when the timeout passed first.</summary>
    public static async Task<(RunResponse Response, bool Settled)> SettleAsync(WorkflowRuntime runtime, InstanceSecrets secrets, string instanceId, TimeSpan timeout,
        CancellationToken ct)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(ct);
        waiting.CancelAfter(timeout);
        try
        {
            var result = await runtime.WaitAsync(instanceId, waiting.Token);
            return (From((await secrets.ForAsync(instanceId, ct)).Redact(result)), true);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (new RunResponse(instanceId, WorkflowStatus.Running, null, null, [], null, null), false);
        }
    }

    /// <summary>200 with a settled instance, 202 (Location: the instance) with one still running.</summary>
    public static Results<Ok<RunResponse>, Accepted<RunResponse>, ProblemHttpResult> Answer((RunResponse Response, bool Settled) run) =>
        run.Settled ? TypedResults.Ok(run.Response) : TypedResults.Accepted($"/api/instances/{run.Response.InstanceId}", run.Response);

    /// <summary>The answer for a result; redact it first (<see cref="RecordRedaction"/>) when it comes straight from the runtime.</summary>
    public static RunResponse From(WorkflowRunResult result) =>
        new(result.InstanceId, result.Status, result.Outputs, result.Variables, result.Bookmarks, result.Error, result.FaultedActivityId);
}
