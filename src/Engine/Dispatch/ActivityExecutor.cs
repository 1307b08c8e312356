using ElsaFlow.Engine.ActivityModel;
using ElsaFlow.Engine.Descriptors;
using ElsaFlow.Engine.Messages;
using ElsaFlow.Engine.Model;
using ElsaFlow.Engine.Secrets;

namespace ElsaFlow.Engine.Dispatch;

/// <summary>
/// Runs one code activity through its lifecycle hooks, with its timeout, and turns the outcome into a message. What the
/// message carries from the activity (error, log lines, outputs) is redacted through <paramref name="secrets"/>: a
/// connection's password quoted by a client library never reaches the journal.
/// </summary>
public sealed class ActivityExecutor(ActivityRegistry registry, IServiceProvider services, TimeProvider time, string? nodeId = null, KnownSecrets? secrets = null)
{
    public async Task<object> ExecuteAsync(ExecuteActivity command, CancellationToken ct)
    {
        var invocation = command.Invocation;
        var startedAt = time.GetUtcNow();
        using var timeout = invocation.Timeout is { } limit ? new CancellationTokenSource(limit, time) : null;
        using var linked = timeout is null ? null : CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        var context = new ActivityContext(invocation, services, time, linked?.Token ?? ct);
        try
        {
            if (registry.GetActivity(invocation.ActivityType) is not CodeActivity activity)
                throw new InvalidOperationException($"Activity type '{invocation.ActivityType}' cannot run on a worker");
            await activity.InitAsync(context);
            await activity.RunAsync(context);
            await activity.OnSuccessAsync(context);
            var result = context.Result;
            return new ActivityCompleted
            {
                InstanceId = invocation.InstanceId,
                ExecutionId = invocation.ExecutionId,
                Attempt = invocation.Attempt,
                NodeId = nodeId,
                Ports = result?.Ports ?? [Ports.Done],
                Token = result?.ExplicitToken == true ? result.Token : null,
                HasToken = result?.ExplicitToken == true,
                PortTokens = result?.PortTokens,
                Outputs = Redactor.Redact(context.Outputs),
                Logs = Redact(context.Logs),
                StartedAt = startedAt,
                FinishedAt = time.GetUtcNow()
            };
        }
        catch (Exception error)
        {
            var message = timeout?.IsCancellationRequested == true && !ct.IsCancellationRequested
                ? $"timed out after {Duration.Format(invocation.Timeout!.Value)}"
                : error.Message;
            try
            {
                if (registry.TryGet(invocation.ActivityType, out _) && registry.GetActivity(invocation.ActivityType) is CodeActivity failed)
                    await failed.OnErrorAsync(context, error);
            }
            catch (Exception hookError)
            {
                message += $" (and OnErrorAsync failed: {hookError.Message})";
            }
            return new ActivityFaulted
            {
                InstanceId = invocation.InstanceId,
                ExecutionId = invocation.ExecutionId,
                Attempt = invocation.Attempt,
                NodeId = nodeId,
                Message = Redactor.Redact(message),
                ErrorType = error.GetType().Name,
                Logs = Redact(context.Logs),
                StartedAt = startedAt,
                FinishedAt = time.GetUtcNow()
            };
        }
    }

    private SecretRedactor Redactor => secrets?.Redactor ?? SecretRedactor.None;

    private IReadOnlyList<ActivityLogLine> Redact(IReadOnlyList<ActivityLogLine> lines)
    {
        var redactor = Redactor;
        return redactor.IsEmpty ? lines : lines.Select(l => l with { Message = redactor.Redact(l.Message) }).ToList();
    }
}
