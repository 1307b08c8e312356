using ElsaFlow.Engine.Store;
using ElsaFlow.Persistence.Retention;
using Microsoft.Extensions.Time.Testing;

namespace ElsaFlow.Persistence.Tests.Store;

public abstract partial class WorkflowStoreContractTests
{
    private static readonly RetentionOptions ThirtyDays = new() { MaxAge = TimeSpan.FromDays(30) };

    [StoreFact]
    public async Task Retention_EndedBeforeMaxAge_DeletesInstancesWithBookmarksJournalAndLogs()
    {
        await Store.CommitAsync(new InstanceCommit
        {
            Instance = Ended("finished", WorkflowStatus.Finished, T0), ExpectedRevision = 0,
            Bookmarks = [Bookmark("b1", "finished", resumeAt: T0)], Journal = [Journal("finished", 1)], Logs = [Log("finished", 1)],
        });
        await InsertAsync(Ended("cancelled", WorkflowStatus.Cancelled, T0.AddDays(1)));
        await InsertAsync(Ended("faulted", WorkflowStatus.Faulted, T0.AddDays(2)));

        var deleted = await Retention(T0.AddDays(40)).DeleteExpiredAsync();

        Assert.Equal(["finished", "cancelled", "faulted"], deleted);
        Assert.Equal(0, (await Store.ListInstancesAsync(new InstanceQuery())).Total);
        Assert.Null(await Store.GetBookmarkAsync("b1"));
        Assert.Empty(await Store.ListTimersAsync());
        Assert.Empty(await Store.GetJournalAsync("finished"));
        Assert.Empty(await Store.GetLogsAsync("finished"));
    }

    [StoreFact]
    public async Task Retention_YoungOrUnfinished_KeepsThem()
    {
        await InsertAsync(Ended("recent", WorkflowStatus.Finished, T0.AddDays(20)));
        await InsertAsync(Instance("running", WorkflowStatus.Running));
        await InsertAsync(Instance("suspended", WorkflowStatus.Suspended));

        var deleted = await Retention(T0.AddDays(31)).DeleteExpiredAsync();

        Assert.Empty(deleted);
        Assert.Equal(3, (await Store.ListInstancesAsync(new InstanceQuery())).Total);
    }

    [StoreFact]
    public async Task Retention_NoFinishedAt_AgesFromUpdatedAt()
    {
        await InsertAsync(Instance("old", WorkflowStatus.Cancelled) with { UpdatedAt = T0 });
        await InsertAsync(Instance("young", WorkflowStatus.Cancelled) with { UpdatedAt = T0.AddDays(10) });

        var deleted = await Retention(T0.AddDays(35)).DeleteExpiredAsync();

        Assert.Equal(["old"], deleted);
        Assert.NotNull(await Store.GetInstanceAsync("young"));
    }

    [StoreFact]
    public async Task Retention_FaultedOptions_KeepOrAgeFaultedSeparately()
    {
        await InsertAsync(Ended("faulted", WorkflowStatus.Faulted, T0));
        var now = T0.AddDays(40);

        var kept = await Retention(now, ThirtyDays with { KeepFaulted = true }).DeleteExpiredAsync();
        var keptLonger = await Retention(now, ThirtyDays with { FaultedMaxAge = TimeSpan.FromDays(90) }).DeleteExpiredAsync();
        var deleted = await Retention(now, ThirtyDays with { FaultedMaxAge = TimeSpan.FromDays(35) }).DeleteExpiredAsync();

        Assert.Empty(kept);
        Assert.Empty(keptLonger);
        Assert.Equal(["faulted"], deleted);
    }

    [StoreFact]
    public async Task Retention_MoreThanOneBatch_DeletesAllAndCallsBackForEach()
    {
        for (var i = 1; i <= 5; i++)
            await InsertAsync(Ended($"i{i}", WorkflowStatus.Finished, T0.AddHours(i)));
        var workspaces = new List<string>();

        var deleted = await Retention(T0.AddDays(31), ThirtyDays with { BatchSize = 2 })
            .DeleteExpiredAsync((id, _) => { workspaces.Add(id); return Task.CompletedTask; });

        Assert.Equal(["i1", "i2", "i3", "i4", "i5"], deleted);
        Assert.Equal(deleted, workspaces);
        Assert.Equal(0, (await Store.ListInstancesAsync(new InstanceQuery())).Total);
    }

    [StoreFact]
    public async Task Retention_WorkspaceDeletionFails_KeepsInstanceForNextRun()
    {
        await InsertAsync(Ended("i1", WorkflowStatus.Finished, T0));
        var retention = Retention(T0.AddDays(31));

        await Assert.ThrowsAsync<IOException>(() => retention.DeleteExpiredAsync((_, _) => throw new IOException("busy")));

        Assert.NotNull(await Store.GetInstanceAsync("i1"));
        Assert.Equal(["i1"], await retention.DeleteExpiredAsync());
    }

    private RetentionService Retention(DateTimeOffset now, RetentionOptions? options = null) =>
        new(Store, options ?? ThirtyDays, new FakeTimeProvider(now));

    private static InstanceRecord Ended(string id, WorkflowStatus status, DateTimeOffset finishedAt) =>
        Instance(id, status) with { FinishedAt = finishedAt, UpdatedAt = finishedAt };
}
