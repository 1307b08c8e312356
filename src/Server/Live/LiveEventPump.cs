using ElsaFlow.Engine.Secrets;
using ElsaFlow.Engine.Store;
using ElsaFlow.Server.Observability;
using Microsoft.AspNetCore.SignalR;

namespace ElsaFlow.Server.Live;

/// <summary>
/// Drains <see cref="LiveEventChannel"/> off the orchestration loop: sends each event to the instance's hub group and the
/// global feed, writes instance log lines to the server log (with InstanceId/ActivityId), and tells the fault webhook.
/// A failing consumer is logged and skipped, never fatal. Journal entries and log lines are redacted through the
/// instance's secrets first, so the hub, the server log and the webhook never see a sensitive value.
/// </summary>
public sealed class LiveEventPump(LiveEventChannel channel, IHubContext<InstancesHub> hub, InstanceLogWriter logs, FaultWebhook webhook,
    InstanceSecrets secrets, ILogger<LiveEventPump> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var e in channel.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await HandleAsync(e, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Could not pass on a live event of instance {InstanceId}", e.InstanceId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    private async Task HandleAsync(LiveEvent e, CancellationToken ct)
    {
        if (e.Status is null) e = await RedactAsync(e, ct);
        var (method, payload) = e switch
        {
            { Status: { } s } => (InstancesHub.StatusChanged, (object)s),
            { Journal: { } j } => (InstancesHub.Journal, j),
            _ => (InstancesHub.Log, (object)e.Log!)
        };
        if (e.Log is { } log) logs.Write(log);
        if (e.Journal is { } journal) webhook.Observe(journal);
        await hub.Clients.Groups(InstancesHub.GroupOf(e.InstanceId), InstancesHub.AllGroup).SendAsync(method, payload, ct);
        if (e.Status is { Status: WorkflowStatus.Faulted } faulted) await webhook.NotifyAsync(faulted, ct);
        else if (e.Status is { Status: WorkflowStatus.Finished or WorkflowStatus.Cancelled } ended) webhook.Forget(ended.InstanceId);
    }

    // The runtime tells observers before it commits: an entry written before the instance's first commit (a fault of its
    // first step) waits here until the instance, and so its secrets, can be read; most entries come later and do not wait.
    private async Task<LiveEvent> RedactAsync(LiveEvent e, CancellationToken ct)
    {
        var redact = await secrets.FindAsync(e.InstanceId, ct);
        for (var i = 0; redact is null && i < 20; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
            redact = await secrets.FindAsync(e.InstanceId, ct);
        }
        // Never stored within 2 s (its node died first): its text is not shown, since its secrets cannot be known.
        if (redact is null) return new LiveEvent(Journal: e.Journal is { } lost ? lost with { Message = null, Outputs = null } : null,
            Log: e.Log is { } lostLine ? lostLine with { Message = "(not shown: the instance was never stored)" } : null);
        return redact.IsEmpty ? e : new LiveEvent(Journal: e.Journal is { } j ? redact.Redact(j) : null, Log: e.Log is { } l ? redact.Redact(l) : null);
    }
}
