using ElsaFlow.Cluster.Messages;
using ElsaFlow.Engine.Runtime;
using MassTransit;

namespace ElsaFlow.Cluster.Consumers;

/// <summary>Another master asks the one that runs the instance to retry it; answered once the change is committed.</summary>
public sealed class RetryInstanceConsumer(WorkflowRuntime runtime) : IConsumer<RetryInstance>
{
    public async Task Consume(ConsumeContext<RetryInstance> context)
    {
        // Every master hears the request; only the one that runs the instance answers.
        if (!runtime.RunsHere(context.Message.InstanceId)) return;
        var reply = await runtime.HandleOwnerRequestAsync(new OwnerRequest(OwnerRequestKind.Retry, context.Message.InstanceId), context.CancellationToken);
        await context.RespondAsync(OwnerReplies.ToMessage(reply));
    }
}
