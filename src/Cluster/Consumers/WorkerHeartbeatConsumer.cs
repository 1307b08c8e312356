using ElsaFlow.Cluster.Messages;
using ElsaFlow.Cluster.Workers;
using MassTransit;

namespace ElsaFlow.Cluster.Consumers;

/// <summary>Every master hears every node's heartbeat and passes it to its listeners (live updates).</summary>
public sealed class WorkerHeartbeatConsumer(IEnumerable<IWorkerHeartbeatListener> listeners) : IConsumer<WorkerHeartbeat>
{
    public Task Consume(ConsumeContext<WorkerHeartbeat> context)
    {
        foreach (var listener in listeners) listener.OnHeartbeat(context.Message);
        return Task.CompletedTask;
    }
}
