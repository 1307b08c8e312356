using ElsaFlow.Cluster.Messages;
using ElsaFlow.Engine.Runtime;
using MassTransit;

namespace ElsaFlow.Cluster.Consumers;

/// <summary>Another master asks the one that runs the instance to resume it; answered once the change is committed.</summary>
public sealed class ResumeInstanceConsumer(WorkflowRuntime runtime) : IConsumer<ResumeInstance>
{
    public async Task Consume(ConsumeContext<ResumeInstance> context)
    {
        // Every master hears the request; only the one that runs the instance answers.
        if (!runtime.RunsHere(context.Message.InstanceId)) return;
        var reply = await runtime.HandleOwnerRequestAsync(new OwnerRequest(OwnerRequestKind.Resume, context.Message.InstanceId, context.Message.BookmarkId, context.Message.Payload), context.CancellationToken);
        await context.RespondAsync(OwnerReplies.ToMessage(reply));
    }
}
