using ElsaFlow.Cluster.Messages;
using ElsaFlow.Cluster.Workers;
using MassTransit;

namespace ElsaFlow.Cluster.Consumers;

/// <summary>Every worker hears every cancellation; the one running the execution stops it.</summary>
public sealed class CancelActivityConsumer(WorkerLoad load) : IConsumer<CancelActivity>
{
    public Task Consume(ConsumeContext<CancelActivity> context)
    {
        load.Cancel(context.Message.ExecutionId);
        return Task.CompletedTask;
    }
}
