using ElsaFlow.Engine.Store;

namespace ElsaFlow.Persistence.Tests.Store;

public abstract partial class WorkflowStoreContractTests
{
    /// <summary>The inbox is kept by the store itself: a commit deletes what it consumed.</summary>
    protected IInstanceInbox Inbox => (IInstanceInbox)Store;

    protected static InboxEntry Entry(string instanceId, string id, int second = 0) => new()
    {
        InstanceId = instanceId,
        Id = id,
        Kind = InboxKinds.ActivityCompleted,
        Payload = $$"""{"executionId":"{{id}}"}""",
        ReceivedAt = T0.AddSeconds(second),
    };

    [StoreFact]
    public async Task ListInbox_NothingAppended_IsEmpty()
    {
        Assert.Empty(await Inbox.ListInboxAsync("i1"));
    }

    [StoreFact]
    public async Task AppendInbox_SeveralEntries_ListedOldestFirstWithEveryField()
    {
        await Inbox.AppendInboxAsync(Entry("i1", "completed:x2:1", second: 1));
        await Inbox.AppendInboxAsync(Entry("i1", "completed:x1:1", second: 2));
        await Inbox.AppendInboxAsync(Entry("i1", "faulted:x3:1", second: 3) with { Kind = InboxKinds.ActivityFaulted });

        var entries = await Inbox.ListInboxAsync("i1");

        Assert.Equal([Entry("i1", "completed:x2:1", 1), Entry("i1", "completed:x1:1", 2), Entry("i1", "faulted:x3:1", 3) with { Kind = InboxKinds.ActivityFaulted }], entries);
    }

    [StoreFact]
    public async Task AppendInbox_SameIdTwice_KeptOnce()
    {
        await Inbox.AppendInboxAsync(Entry("i1", "completed:x1:1", second: 1));

        await Inbox.AppendInboxAsync(Entry("i1", "completed:x1:1", second: 5) with { Payload = "{\"again\":true}" });

        Assert.Equal([Entry("i1", "completed:x1:1", second: 1)], await Inbox.ListInboxAsync("i1"));
    }

    [StoreFact]
    public async Task AppendInbox_SameIdOnAnotherInstance_KeptForEach()
    {
        await Inbox.AppendInboxAsync(Entry("i1", "completed:x1:1"));

        await Inbox.AppendInboxAsync(Entry("i2", "completed:x1:1"));

        Assert.Single(await Inbox.ListInboxAsync("i1"));
        Assert.Single(await Inbox.ListInboxAsync("i2"));
    }

    [StoreFact]
    public async Task Commit_ConsumedInbox_DeletesOnlyThoseEntries()
    {
        await InsertAsync(Instance("i1"));
        await Inbox.AppendInboxAsync(Entry("i1", "a", 1));
        await Inbox.AppendInboxAsync(Entry("i1", "b", 2));
        await Inbox.AppendInboxAsync(Entry("i1", "c", 3));
        await Inbox.AppendInboxAsync(Entry("i2", "a", 4));

        await Store.CommitAsync(new InstanceCommit { Instance = Instance("i1"), ExpectedRevision = 1, ConsumedInbox = ["a", "c"] });

        Assert.Equal([Entry("i1", "b", 2)], await Inbox.ListInboxAsync("i1"));
        Assert.Equal([Entry("i2", "a", 4)], await Inbox.ListInboxAsync("i2"));
    }

    [StoreFact]
    public async Task Commit_InsertConsumingInbox_DeletesTheEntries()
    {
        await Inbox.AppendInboxAsync(Entry("i1", "a"));

        await Store.CommitAsync(new InstanceCommit { Instance = Instance("i1"), ExpectedRevision = 0, ConsumedInbox = ["a"] });

        Assert.Empty(await Inbox.ListInboxAsync("i1"));
    }

    [StoreFact]
    public async Task Commit_StaleRevisionConsumingInbox_KeepsTheEntries()
    {
        await InsertAsync(Instance("i1"));
        await Inbox.AppendInboxAsync(Entry("i1", "a"));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Store.CommitAsync(new InstanceCommit { Instance = Instance("i1"), ExpectedRevision = 2, ConsumedInbox = ["a"] }));

        Assert.Equal([Entry("i1", "a")], await Inbox.ListInboxAsync("i1"));
    }

    [StoreFact]
    public async Task Commit_FencedOffConsumingInbox_KeepsTheEntries()
    {
        await InsertAsync(Instance("i1"));
        await Store.TryAcquireLeaseAsync("i1", "node-a", T0, T0.AddMinutes(1));
        await Inbox.AppendInboxAsync(Entry("i1", "a"));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.CommitAsync(new InstanceCommit
        {
            Instance = Instance("i1") with { LeaseOwner = "node-b" }, ExpectedRevision = 1, ConsumedInbox = ["a"],
        }));

        Assert.Equal([Entry("i1", "a")], await Inbox.ListInboxAsync("i1"));
    }

    [StoreFact]
    public async Task DeleteInstance_WithInbox_RemovesTheInbox()
    {
        await InsertAsync(Instance("i1"));
        await Inbox.AppendInboxAsync(Entry("i1", "a"));

        await Store.DeleteInstanceAsync("i1");

        Assert.Empty(await Inbox.ListInboxAsync("i1"));
    }
}
