using ElsaFlow.Cluster.Messages;
using ElsaFlow.Engine.Runtime;
using MassTransit;

namespace ElsaFlow.Cluster.Consumers;

/// <summary>Every master hears every activity heartbeat; the one that runs the instance resets its watchdog.</summary>
public sealed class ActivityHeartbeatConsumer(WorkflowRuntime runtime) : IConsumer<ActivityHeartbeat>
{
    public Task Consume(ConsumeContext<ActivityHeartbeat> context)
    {
        var beat = context.Message;
        runtime.OnActivityHeartbeat(beat.InstanceId, beat.ExecutionId, beat.Attempt);
        return Task.CompletedTask;
    }
}
