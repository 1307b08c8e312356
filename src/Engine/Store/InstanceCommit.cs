namespace ElsaFlow.Engine.Store;

/// <summary>
/// What one commit writes in a single transaction: the instance row and state (inserted when ExpectedRevision is 0,
/// else updated only if the stored revision still equals it), the complete current set of its bookmarks, the new
/// journal and log lines, and the removal of the inbox entries it applied. An update keeps the stored lease: leases
/// change only through TryAcquireLeaseAsync and ReleaseLeaseAsync, so a commit cannot undo a renewal; an insert takes
/// the record's lease. An update is also refused when another node holds the lease (the record's LeaseOwner is the
/// committer): a node that stalled past its lease while another took the instance over can no longer write it.
/// </summary>
public sealed record InstanceCommit
{
    public required InstanceRecord Instance { get; init; }
    public required long ExpectedRevision { get; init; }
    public IReadOnlyList<BookmarkRecord> Bookmarks { get; init; } = [];

    /// <summary>
    /// False when <see cref="Bookmarks"/> equals what the committer's previous commit of this instance wrote: a store may
    /// then leave the stored bookmarks alone (one query less per commit), since the revision check proves nobody else
    /// committed the instance in between. True when in doubt (the first commit after a start or a load).
    /// </summary>
    public bool BookmarksChanged { get; init; } = true;
    public IReadOnlyList<JournalEntry> Journal { get; init; } = [];
    public IReadOnlyList<LogEntry> Logs { get; init; } = [];

    /// <summary>Ids of the instance's inbox entries this commit applied: deleted in the same transaction.</summary>
    public IReadOnlyList<string> ConsumedInbox { get; init; } = [];
}
