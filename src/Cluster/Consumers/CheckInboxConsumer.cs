using ElsaFlow.Cluster.Messages;
using ElsaFlow.Engine.Runtime;
using MassTransit;

namespace ElsaFlow.Cluster.Consumers;

/// <summary>The owner is told that another master kept an answer in the instance's inbox.</summary>
public sealed class CheckInboxConsumer(WorkflowRuntime runtime) : IConsumer<CheckInbox>
{
    public Task Consume(ConsumeContext<CheckInbox> context) => runtime.CheckInboxAsync(context.Message.InstanceId, context.CancellationToken);
}
