using ElsaFlow.Cluster.Consumers;
using ElsaFlow.Cluster.Messages;
using ElsaFlow.Engine.Runtime;
using MassTransit;

namespace ElsaFlow.Cluster.Owners;

/// <summary>
/// Reaches the master that runs an instance by publishing to every master: only the one running it acts (and answers).
/// No queue is addressed to a node, so nothing piles up for a node that died; a request nobody answers times out and
/// the asking node does the work itself once the dead owner's lease expires.
/// </summary>
internal sealed class BusOwnerChannel(IBus bus, IClientFactory clients) : IOwnerChannel
{
    private static readonly RequestTimeout AnswerWithin = RequestTimeout.After(s: 10);

    public async Task NotifyInboxAsync(string ownerNodeId, string instanceId, CancellationToken ct = default)
    {
        try { await bus.Publish(new CheckInbox { InstanceId = instanceId }, ct); }
        catch (Exception error) when (error is not OperationCanceledException) { /* best effort: owners look at their inbox by themselves too */ }
    }

    public Task<OwnerReply?> AskAsync(string ownerNodeId, OwnerRequest request, CancellationToken ct = default) => request.Kind switch
    {
        OwnerRequestKind.Resume => AskAsync(new ResumeInstance { InstanceId = request.InstanceId, BookmarkId = request.BookmarkId ?? "", Payload = request.Payload }, ct),
        OwnerRequestKind.Cancel => AskAsync(new CancelInstance { InstanceId = request.InstanceId }, ct),
        _ => AskAsync(new RetryInstance { InstanceId = request.InstanceId }, ct)
    };

    private async Task<OwnerReply?> AskAsync<T>(T message, CancellationToken ct) where T : class
    {
        try
        {
            var response = await clients.CreateRequestClient<T>(AnswerWithin).GetResponse<OwnerRequestHandled>(message, ct);
            return OwnerReplies.FromMessage(response.Message);
        }
        catch (RequestTimeoutException)
        {
            return null;
        }
    }
}
