using ElsaFlow.Cluster.Messages;
using ElsaFlow.Engine.Runtime;

namespace ElsaFlow.Cluster.Consumers;

/// <summary>The engine's owner reply as a message, and back.</summary>
internal static class OwnerReplies
{
    public static OwnerRequestHandled ToMessage(OwnerReply reply) =>
        new() { Done = reply.Done, Conflict = reply.Conflict, Error = reply.Error, NotFound = reply.NotFound };

    public static OwnerReply FromMessage(OwnerRequestHandled message) => new(message.Done, message.Conflict, message.Error, message.NotFound);
}
