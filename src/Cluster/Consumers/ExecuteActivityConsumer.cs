using ElsaFlow.Cluster.Messages;
using ElsaFlow.Cluster.Workers;
using ElsaFlow.Engine.Dispatch;
using ElsaFlow.Engine.Messages;
using ElsaFlow.Engine.Runtime;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace ElsaFlow.Cluster.Consumers;

/// <summary>
/// A worker runs one activity: it reports a heartbeat while it works, then publishes the answer. The message is
/// acknowledged only after the answer is on the bus, so a worker that dies mid-way leaves it to be redelivered to
/// another worker (the activity runs again: activities are safe to repeat, and a second answer is ignored).
/// </summary>
public sealed class ExecuteActivityConsumer(ActivityExecutor executor, WorkerLoad load, ClusterOptions options, RuntimeOptions runtime,
    ILogger<ExecuteActivityConsumer> logger) : IConsumer<ExecuteActivity>
{
    public async Task Consume(ConsumeContext<ExecuteActivity> context)
    {
        var invocation = context.Message.Invocation;
        using var running = load.Begin(invocation.ExecutionId, context.CancellationToken);
        using var heartbeat = new CancellationTokenSource();
        var beating = BeatAsync(context, heartbeat.Token);
        object answer;
        try
        {
            answer = await executor.ExecuteAsync(context.Message, running.Token);
        }
        finally
        {
            await heartbeat.CancelAsync();
            await beating;
        }
        if (context.CancellationToken.IsCancellationRequested)
        {
            // The node stopped before the activity finished (drain time over): hand the same command back to its queue for
            // another worker. Returning acknowledges this delivery, so the copy is what keeps the work from being lost.
            logger.LogWarning("Node {Node} stops: activity {Activity} of instance {Instance} goes back to {Queue}",
                runtime.NodeId, invocation.ActivityId, invocation.InstanceId, context.ReceiveContext.InputAddress);
            var queue = await context.GetSendEndpoint(context.ReceiveContext.InputAddress);
            await queue.Send(context.Message, CancellationToken.None);
            return;
        }
        if (answer is ActivityCompleted completed) await context.Publish(completed);
        else await context.Publish((ActivityFaulted)answer);
    }

    private async Task BeatAsync(ConsumeContext<ExecuteActivity> context, CancellationToken stop)
    {
        var invocation = context.Message.Invocation;
        try
        {
            while (true)
            {
                await Task.Delay(options.HeartbeatInterval, stop);
                await context.Publish(new ActivityHeartbeat
                {
                    InstanceId = invocation.InstanceId, ExecutionId = invocation.ExecutionId, Attempt = invocation.Attempt, NodeId = runtime.NodeId
                }, stop);
            }
        }
        catch (OperationCanceledException) { }
        catch (Exception error)
        {
            // A missed heartbeat only makes the owner's watchdog look sooner; the work goes on.
            logger.LogWarning(error, "A heartbeat of execution {Execution} could not be sent", invocation.ExecutionId);
        }
    }
}
