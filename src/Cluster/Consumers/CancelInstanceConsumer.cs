using ElsaFlow.Cluster.Messages;
using ElsaFlow.Engine.Runtime;
using MassTransit;

namespace ElsaFlow.Cluster.Consumers;

/// <summary>Another master asks the one that runs the instance to cancel it; answered once the change is committed.</summary>
public sealed class CancelInstanceConsumer(WorkflowRuntime runtime) : IConsumer<CancelInstance>
{
    public async Task Consume(ConsumeContext<CancelInstance> context)
    {
        // Every master hears the request; only the one that runs the instance answers.
        if (!runtime.RunsHere(context.Message.InstanceId)) return;
        var reply = await runtime.HandleOwnerRequestAsync(new OwnerRequest(OwnerRequestKind.Cancel, context.Message.InstanceId), context.CancellationToken);
        await context.RespondAsync(OwnerReplies.ToMessage(reply));
    }
}
