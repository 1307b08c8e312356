using ElsaFlow.Engine.Store;

namespace ElsaFlow.Persistence.Tests.Store;

/// <summary>A commit is refused, like a revision conflict, when another node holds the instance's lease.</summary>
public abstract partial class WorkflowStoreContractTests
{
    [StoreFact]
    public async Task Commit_OtherNodeHoldsLease_ThrowsConcurrencyConflictAndWritesNothing()
    {
        await InsertAsync(Instance("i1"));
        await Store.TryAcquireLeaseAsync("i1", "node-a", T0, T0.AddMinutes(1));

        var error = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.CommitAsync(new InstanceCommit
        {
            Instance = Instance("i1") with { LeaseOwner = "node-b", StateJson = "{\"by\":\"b\"}" }, ExpectedRevision = 1,
            Journal = [Journal("i1", 1)], Logs = [Log("i1", 1)],
        }));

        var stored = await Store.GetInstanceAsync("i1");
        Assert.Equal("i1", error.InstanceId);
        Assert.Equal(1, stored?.Revision);
        Assert.Equal(Instance("i1").StateJson, stored?.StateJson);
        Assert.Equal("node-a", stored?.LeaseOwner);
        Assert.Empty(await Store.GetJournalAsync("i1"));
        Assert.Empty(await Store.GetLogsAsync("i1"));
    }

    [StoreFact]
    public async Task Commit_NoOwnerWhileNodeHoldsLease_ThrowsConcurrencyConflict()
    {
        await InsertAsync(Instance("i1"));
        await Store.TryAcquireLeaseAsync("i1", "node-a", T0, T0.AddMinutes(1));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Store.CommitAsync(new InstanceCommit { Instance = Instance("i1") with { LeaseOwner = null }, ExpectedRevision = 1 }));
    }

    [StoreFact]
    public async Task Commit_LeaseHolder_Commits()
    {
        await InsertAsync(Instance("i1"));
        await Store.TryAcquireLeaseAsync("i1", "node-a", T0, T0.AddMinutes(1));

        await Store.CommitAsync(new InstanceCommit { Instance = Instance("i1") with { LeaseOwner = "node-a", StateJson = "{}" }, ExpectedRevision = 1 });

        var stored = await Store.GetInstanceAsync("i1");
        Assert.Equal(2, stored?.Revision);
        Assert.Equal("{}", stored?.StateJson);
    }

    [StoreFact]
    public async Task Commit_LeaseReleased_AnyNodeCommits()
    {
        await InsertAsync(Instance("i1"));
        await Store.TryAcquireLeaseAsync("i1", "node-a", T0, T0.AddMinutes(1));
        await Store.ReleaseLeaseAsync("i1", "node-a");

        await Store.CommitAsync(new InstanceCommit { Instance = Instance("i1") with { LeaseOwner = "node-b" }, ExpectedRevision = 1 });

        Assert.Equal(2, (await Store.GetInstanceAsync("i1"))?.Revision);
    }

    [StoreFact]
    public async Task Commit_LeaseTakenOverByOtherNode_FormerOwnerRefused()
    {
        await InsertAsync(Instance("i1"));
        await Store.TryAcquireLeaseAsync("i1", "node-a", T0, T0.AddMinutes(1));
        await Store.TryAcquireLeaseAsync("i1", "node-b", T0.AddMinutes(2), T0.AddMinutes(3));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Store.CommitAsync(new InstanceCommit { Instance = Instance("i1") with { LeaseOwner = "node-a" }, ExpectedRevision = 1 }));
        await Store.CommitAsync(new InstanceCommit { Instance = Instance("i1") with { LeaseOwner = "node-b" }, ExpectedRevision = 1 });

        Assert.Equal(2, (await Store.GetInstanceAsync("i1"))?.Revision);
    }
}
