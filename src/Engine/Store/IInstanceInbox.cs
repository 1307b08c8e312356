namespace ElsaFlow.Engine.Store;

/// <summary>
/// Where answers for an instance wait when they reach a node that does not run it. Implemented by the store that keeps
/// the instances, because the commit that applies an entry deletes it (<see cref="InstanceCommit.ConsumedInbox"/>).
/// </summary>
public interface IInstanceInbox
{
    /// <summary>Keeps an entry for the instance's owner; an entry with an id already there is ignored (a redelivered message).</summary>
    Task AppendInboxAsync(InboxEntry entry, CancellationToken ct = default);

    /// <summary>The instance's inbox, oldest first.</summary>
    Task<IReadOnlyList<InboxEntry>> ListInboxAsync(string instanceId, CancellationToken ct = default);
}
