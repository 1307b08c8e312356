using ElsaFlow.Engine.Messages;
using ElsaFlow.Engine.Runtime;
using MassTransit;

namespace ElsaFlow.Cluster.Consumers;

/// <summary>A master takes a failed attempt: applied and committed here (retry or error handling decide), or kept for the owner.</summary>
public sealed class ActivityFaultedConsumer(WorkflowRuntime runtime) : IConsumer<ActivityFaulted>
{
    public Task Consume(ConsumeContext<ActivityFaulted> context) => runtime.DeliverAsync(context.Message, context.CancellationToken);
}
