using ElsaFlow.Engine.Messages;
using ElsaFlow.Engine.Runtime;
using MassTransit;

namespace ElsaFlow.Cluster.Consumers;

/// <summary>A master takes an answer: it is acknowledged once applied and committed here, or kept for the instance's owner.</summary>
public sealed class ActivityCompletedConsumer(WorkflowRuntime runtime) : IConsumer<ActivityCompleted>
{
    public Task Consume(ConsumeContext<ActivityCompleted> context) => runtime.DeliverAsync(context.Message, context.CancellationToken);
}
