using ElsaFlow.Cluster.Messages;
using ElsaFlow.Cluster.Workers;
using ElsaFlow.Engine.Descriptors;
using ElsaFlow.Engine.Dispatch;
using ElsaFlow.Engine.Messages;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace ElsaFlow.Cluster.Dispatch;

/// <summary>
/// Sends code and data activities to the workers: to the shared <c>activities</c> queue (any free worker takes it), or
/// to <c>activities.GROUP</c> when the activity's <c>worker</c> behaviour names a group. Activities that must stay with
/// the instance (<see cref="ActivityDescriptor.RunsOnOwner"/>) run here, in process. On the in-memory transport there
/// is one process: every activity goes to its one queue, whatever its group.
/// </summary>
internal sealed class BusActivityDispatcher(IBus bus, ActivityRegistry registry, InProcessActivityDispatcher local, WorkerDirectory workers,
    ClusterOptions options, TimeProvider time, ILogger<BusActivityDispatcher> logger) : IActivityDispatcher
{
    /// <summary>How long a send keeps trying while the broker is away (a restart): then the instance faults and can be retried.</summary>
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(5);

    public void Attach(IActivityResultSink sink) => local.Attach(sink);

    public async ValueTask<string?> DispatchAsync(ExecuteActivity command, CancellationToken ct = default)
    {
        var invocation = command.Invocation;
        if (registry.GetDescriptor(invocation.ActivityType).RunsOnOwner) return await local.DispatchAsync(command, ct);

        var group = options.UsesRabbitMq ? invocation.WorkerGroup : null;
        await SendAsync(group is null ? Queues.Activities : Queues.ActivitiesOf(group), command, ct);
        if (!options.UsesRabbitMq || await workers.HasLiveWorkerAsync(group, ct)) return null;
        return group is null
            ? "waiting for a worker: no live worker takes unpinned activities; it runs as soon as one joins"
            : $"waiting for a worker of group {group}: none is live; it runs as soon as one joins";
    }

    public void Cancel(string executionId)
    {
        local.Cancel(executionId);
        _ = PublishCancelAsync(executionId);
    }

    private async Task PublishCancelAsync(string executionId)
    {
        try { await bus.Publish(new CancelActivity { ExecutionId = executionId }); }
        catch (Exception error) { logger.LogDebug(error, "The cancellation of execution {Execution} was not sent", executionId); }
    }

    private async Task SendAsync(string queue, ExecuteActivity command, CancellationToken ct)
    {
        var giveUp = time.GetUtcNow() + GiveUpAfter;
        for (var wait = TimeSpan.FromMilliseconds(200); ; wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, TimeSpan.FromSeconds(5).Ticks)))
        {
            try
            {
                var endpoint = await bus.GetSendEndpoint(new Uri($"queue:{queue}"));
                await endpoint.Send(command, ct);
                return;
            }
            catch (Exception error) when (error is not OperationCanceledException && time.GetUtcNow() < giveUp)
            {
                logger.LogWarning("Sending {Activity} of instance {Instance} to {Queue} failed ({Error}); trying again in {Wait}",
                    command.Invocation.ActivityId, command.Invocation.InstanceId, queue, error.Message, wait);
                await Task.Delay(wait, time, ct);
            }
        }
    }
}
