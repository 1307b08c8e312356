using ElsaFlow.Engine.Store;

namespace ElsaFlow.Persistence.Tests.Store;

public abstract partial class WorkflowStoreContractTests
{
    [StoreFact]
    public async Task TryAcquireLease_Free_TakesIt()
    {
        await InsertAsync(Instance("i1"));

        var acquired = await Store.TryAcquireLeaseAsync("i1", "node-a", T0, T0.AddMinutes(1));

        var stored = await Store.GetInstanceAsync("i1");
        Assert.True(acquired);
        Assert.Equal("node-a", stored?.LeaseOwner);
        Assert.Equal(T0.AddMinutes(1), stored?.LeaseExpiresAt);
    }

    [StoreFact]
    public async Task TryAcquireLease_HeldByOther_Refused()
    {
        await InsertAsync(Instance("i1"));
        await Store.TryAcquireLeaseAsync("i1", "node-a", T0, T0.AddMinutes(1));

        var acquired = await Store.TryAcquireLeaseAsync("i1", "node-b", T0.AddSeconds(30), T0.AddMinutes(2));

        Assert.False(acquired);
        Assert.Equal("node-a", (await Store.GetInstanceAsync("i1"))?.LeaseOwner);
    }

    [StoreFact]
    public async Task TryAcquireLease_OtherOwnersLeaseExpired_TakesOver()
    {
        await InsertAsync(Instance("i1"));
        await Store.TryAcquireLeaseAsync("i1", "node-a", T0, T0.AddMinutes(1));

        var acquired = await Store.TryAcquireLeaseAsync("i1", "node-b", T0.AddMinutes(2), T0.AddMinutes(3));

        var stored = await Store.GetInstanceAsync("i1");
        Assert.True(acquired);
        Assert.Equal("node-b", stored?.LeaseOwner);
        Assert.Equal(T0.AddMinutes(3), stored?.LeaseExpiresAt);
    }

    [StoreFact]
    public async Task TryAcquireLease_SameOwner_Renews()
    {
        await InsertAsync(Instance("i1"));
        await Store.TryAcquireLeaseAsync("i1", "node-a", T0, T0.AddMinutes(1));

        var renewed = await Store.TryAcquireLeaseAsync("i1", "node-a", T0.AddSeconds(30), T0.AddMinutes(5));

        Assert.True(renewed);
        Assert.Equal(T0.AddMinutes(5), (await Store.GetInstanceAsync("i1"))?.LeaseExpiresAt);
    }

    [StoreFact]
    public async Task TryAcquireLease_UnknownInstance_ReturnsFalse()
    {
        Assert.False(await Store.TryAcquireLeaseAsync("missing", "node-a", T0, T0.AddMinutes(1)));
    }

    [StoreFact]
    public async Task TryAcquireLease_LeaseChange_KeepsRevision()
    {
        await InsertAsync(Instance("i1"));

        await Store.TryAcquireLeaseAsync("i1", "node-a", T0, T0.AddMinutes(1));

        Assert.Equal(1, (await Store.GetInstanceAsync("i1"))?.Revision);
    }

    [StoreFact]
    public async Task Commit_UpdateAfterRenewal_KeepsStoredLease()
    {
        await InsertAsync(Instance("i1"));
        await Store.TryAcquireLeaseAsync("i1", "node-a", T0, T0.AddMinutes(1));
        var loaded = (await Store.GetInstanceAsync("i1"))!;
        await Store.TryAcquireLeaseAsync("i1", "node-a", T0.AddSeconds(30), T0.AddMinutes(5));

        await Store.CommitAsync(new InstanceCommit { Instance = loaded with { StateJson = "{}" }, ExpectedRevision = 1 });

        var stored = await Store.GetInstanceAsync("i1");
        Assert.Equal("node-a", stored?.LeaseOwner);
        Assert.Equal(T0.AddMinutes(5), stored?.LeaseExpiresAt);
    }

    [StoreFact]
    public async Task Commit_InsertWithLease_StoresLease()
    {
        await InsertAsync(Instance("i1") with { LeaseOwner = "node-a", LeaseExpiresAt = T0.AddMinutes(1) });

        var acquired = await Store.TryAcquireLeaseAsync("i1", "node-b", T0, T0.AddMinutes(2));

        Assert.False(acquired);
        Assert.Equal("node-a", (await Store.GetInstanceAsync("i1"))?.LeaseOwner);
    }

    [StoreFact]
    public async Task ReleaseLease_Owner_FreesIt()
    {
        await InsertAsync(Instance("i1"));
        await Store.TryAcquireLeaseAsync("i1", "node-a", T0, T0.AddMinutes(1));

        await Store.ReleaseLeaseAsync("i1", "node-a");

        var stored = await Store.GetInstanceAsync("i1");
        Assert.Null(stored?.LeaseOwner);
        Assert.Null(stored?.LeaseExpiresAt);
        Assert.True(await Store.TryAcquireLeaseAsync("i1", "node-b", T0, T0.AddMinutes(1)));
    }

    [StoreFact]
    public async Task ReleaseLease_OtherOwner_KeepsLease()
    {
        await InsertAsync(Instance("i1"));
        await Store.TryAcquireLeaseAsync("i1", "node-a", T0, T0.AddMinutes(1));

        await Store.ReleaseLeaseAsync("i1", "node-b");

        Assert.Equal("node-a", (await Store.GetInstanceAsync("i1"))?.LeaseOwner);
    }

    [StoreFact]
    public async Task ListOrphanedInstances_RunningWithoutLiveLease_Listed()
    {
        await InsertAsync(Instance("no-lease", createdAt: T0.AddMinutes(1)));
        await InsertAsync(Instance("expired", createdAt: T0.AddMinutes(2)));
        await InsertAsync(Instance("held", createdAt: T0.AddMinutes(3)));
        await InsertAsync(Instance("suspended", WorkflowStatus.Suspended));
        await InsertAsync(Instance("finished", WorkflowStatus.Finished));
        await Store.TryAcquireLeaseAsync("expired", "dead-node", T0, T0.AddMinutes(1));
        await Store.TryAcquireLeaseAsync("held", "live-node", T0, T0.AddMinutes(10));

        var orphans = await Store.ListOrphanedInstancesAsync(T0.AddMinutes(5));

        Assert.Equal(["no-lease", "expired"], orphans);
    }
}
