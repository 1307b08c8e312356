using ElsaFlow.Engine.Store;
using ElsaFlow.Server.Observability;
using Microsoft.AspNetCore.SignalR;

namespace ElsaFlow.Server.Live;

/// <summary>
/// Drains <see cref="LiveEventChannel"/> off the orchestration loop: sends each event to the instance's hub group and the
/// global feed, writes instance log lines to the server log (with InstanceId/ActivityId), and tells the fault webhook.
/// A failing consumer is logged and skipped, never fatal.
/// </summary>
public sealed class LiveEventPump(LiveEventChannel channel, IHubContext<InstancesHub> hub, InstanceLogWriter logs, FaultWebhook webhook,
    ILogger<LiveEventPump> logger) : BackgroundService
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
}
