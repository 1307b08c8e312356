using System.Text.Json.Nodes;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Persistence.Tests.Store;

public abstract partial class WorkflowStoreContractTests
{
    [StoreFact]
    public async Task Commit_NewInstance_InsertsAtRevisionOne()
    {
        var instance = Instance("i1") with
        {
            CorrelationId = "order-7", ParentInstanceId = "parent", FinishedAt = T0.AddHours(1), LeaseOwner = "node-a",
            LeaseExpiresAt = T0.AddMinutes(5), Error = "boom", Status = WorkflowStatus.Faulted, DefinitionVersion = 3,
        };

        await Store.CommitAsync(new InstanceCommit { Instance = instance, ExpectedRevision = 0 });

        Assert.Equal(instance with { Revision = 1 }, await Store.GetInstanceAsync("i1"));
    }

    [StoreFact]
    public async Task Commit_ExpectedRevisionMatches_UpdatesAndIncrementsRevision()
    {
        await InsertAsync(Instance("i1"));
        var changed = Instance("i1", WorkflowStatus.Suspended) with { StateJson = "{\"step\":2}", UpdatedAt = T0.AddMinutes(1) };

        await Store.CommitAsync(new InstanceCommit { Instance = changed, ExpectedRevision = 1 });

        Assert.Equal(changed with { Revision = 2 }, await Store.GetInstanceAsync("i1"));
    }

    [StoreFact]
    public async Task Commit_StaleRevision_ThrowsConcurrencyConflict()
    {
        await InsertAsync(Instance("i1"));
        await Store.CommitAsync(new InstanceCommit { Instance = Instance("i1"), ExpectedRevision = 1 });

        var error = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Store.CommitAsync(new InstanceCommit { Instance = Instance("i1") with { StateJson = "{}" }, ExpectedRevision = 1 }));

        Assert.Equal("i1", error.InstanceId);
        Assert.Equal(2, (await Store.GetInstanceAsync("i1"))?.Revision);
    }

    [StoreFact]
    public async Task Commit_ExistingIdAtRevisionZero_ThrowsConcurrencyConflict()
    {
        await InsertAsync(Instance("i1"));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => InsertAsync(Instance("i1")));
    }

    [StoreFact]
    public async Task Commit_UnknownIdAtNonZeroRevision_ThrowsConcurrencyConflict()
    {
        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Store.CommitAsync(new InstanceCommit { Instance = Instance("i1"), ExpectedRevision = 3 }));

        Assert.Null(await Store.GetInstanceAsync("i1"));
    }

    [StoreFact]
    public async Task Commit_Conflict_WritesNothing()
    {
        await InsertAsync(Instance("i1"), Bookmark("b1", "i1"));
        var stale = new InstanceCommit
        {
            Instance = Instance("i1") with { StateJson = "{\"lost\":true}" },
            ExpectedRevision = 5,
            Bookmarks = [Bookmark("b2", "i1")],
            Journal = [Journal("i1", 1)],
            Logs = [Log("i1", 1)],
        };

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.CommitAsync(stale));

        Assert.Equal(Instance("i1").StateJson, (await Store.GetInstanceAsync("i1"))?.StateJson);
        Assert.Equal(["b1"], (await Store.ListBookmarksAsync("i1")).Select(b => b.Id));
        Assert.Empty(await Store.GetJournalAsync("i1"));
        Assert.Empty(await Store.GetLogsAsync("i1"));
    }

    [StoreFact]
    public async Task Commit_Bookmarks_ReplaceTheInstancesSet()
    {
        await InsertAsync(Instance("i1"), Bookmark("a", "i1"), Bookmark("b", "i1"));
        await InsertAsync(Instance("other"), Bookmark("x", "other"));
        var changedB = Bookmark("b", "i1", matchKey: "changed");

        await Store.CommitAsync(new InstanceCommit { Instance = Instance("i1"), ExpectedRevision = 1, Bookmarks = [changedB, Bookmark("c", "i1")] });

        var bookmarks = await Store.ListBookmarksAsync("i1");
        Assert.Equal(["b", "c"], bookmarks.Select(b => b.Id));
        Assert.Equal(changedB, bookmarks[0]);
        Assert.Null(await Store.GetBookmarkAsync("a"));
        Assert.NotNull(await Store.GetBookmarkAsync("x"));
    }

    [StoreFact]
    public async Task Commit_NoBookmarks_RemovesAllOfTheInstance()
    {
        await InsertAsync(Instance("i1"), Bookmark("a", "i1"), Bookmark("b", "i1", resumeAt: T0));

        await Store.CommitAsync(new InstanceCommit { Instance = Instance("i1"), ExpectedRevision = 1 });

        Assert.Empty(await Store.ListBookmarksAsync("i1"));
        Assert.Empty(await Store.ListTimersAsync());
    }

    [StoreFact]
    public async Task Commit_UnchangedBookmarks_KeepsThem()
    {
        var bookmark = Bookmark("a", "i1", name: "Timer", resumeAt: T0.AddMinutes(3));
        await InsertAsync(Instance("i1"), bookmark);

        await Store.CommitAsync(new InstanceCommit { Instance = Instance("i1"), ExpectedRevision = 1, Bookmarks = [bookmark] });

        Assert.Equal([bookmark], await Store.ListBookmarksAsync("i1"));
    }

    [StoreFact]
    public async Task Commit_Journal_AppendedInSequenceOrder()
    {
        await Store.CommitAsync(new InstanceCommit { Instance = Instance("i1"), ExpectedRevision = 0, Journal = [Journal("i1", 1, JournalKind.WorkflowStarted), Journal("i1", 2)] });

        await Store.CommitAsync(new InstanceCommit { Instance = Instance("i1"), ExpectedRevision = 1, Journal = [Journal("i1", 3, JournalKind.WorkflowFinished)] });

        var journal = await Store.GetJournalAsync("i1");
        Assert.Equal([Journal("i1", 1, JournalKind.WorkflowStarted), Journal("i1", 2), Journal("i1", 3, JournalKind.WorkflowFinished)], journal);
    }

    [StoreFact]
    public async Task Commit_JournalWithoutOptionalFields_RoundTrips()
    {
        var entry = new JournalEntry { InstanceId = "i1", Sequence = 1, Kind = JournalKind.WorkflowSuspended, Timestamp = T0 };

        await Store.CommitAsync(new InstanceCommit { Instance = Instance("i1"), ExpectedRevision = 0, Journal = [entry] });

        Assert.Equal([entry], await Store.GetJournalAsync("i1"));
    }

    [StoreFact]
    public async Task Commit_JournalNodeId_RoundTrips()
    {
        var ranOnB = Journal("i1", 1) with { NodeId = "node-b" };
        var noNode = Journal("i1", 2) with { NodeId = null };

        await Store.CommitAsync(new InstanceCommit { Instance = Instance("i1"), ExpectedRevision = 0, Journal = [ranOnB, noNode] });

        Assert.Equal(["node-b", null], (await Store.GetJournalAsync("i1")).Select(j => j.NodeId));
    }

    [StoreFact]
    public async Task Commit_JournalWithOutputs_RoundTripsTheOutputs()
    {
        var entry = Journal("i1", 1) with { Outputs = new JsonObject { ["files"] = new JsonArray("out/a.csv", "out/b_0001.csv"), ["count"] = 2 } };

        await Store.CommitAsync(new InstanceCommit { Instance = Instance("i1"), ExpectedRevision = 0, Journal = [entry] });

        var stored = Assert.Single(await Store.GetJournalAsync("i1"));
        Assert.Equal("""{"files":["out/a.csv","out/b_0001.csv"],"count":2}""", stored.Outputs?.ToJsonString());
        Assert.Equal(entry with { Outputs = null }, stored with { Outputs = null });
    }

    [StoreFact]
    public async Task Commit_Logs_AppendedInSequenceOrder()
    {
        await Store.CommitAsync(new InstanceCommit { Instance = Instance("i1"), ExpectedRevision = 0, Logs = [Log("i1", 1)] });

        await Store.CommitAsync(new InstanceCommit { Instance = Instance("i1"), ExpectedRevision = 1, Logs = [Log("i1", 2), Log("i1", 3)] });

        Assert.Equal([Log("i1", 1), Log("i1", 2), Log("i1", 3)], await Store.GetLogsAsync("i1"));
    }

    [StoreFact]
    public async Task GetInstance_Unknown_ReturnsNull()
    {
        Assert.Null(await Store.GetInstanceAsync("missing"));
    }

    [StoreFact]
    public async Task DeleteInstance_Existing_RemovesBookmarksJournalAndLogs()
    {
        await Store.CommitAsync(new InstanceCommit
        {
            Instance = Instance("i1"), ExpectedRevision = 0, Bookmarks = [Bookmark("b1", "i1", resumeAt: T0)], Journal = [Journal("i1", 1)], Logs = [Log("i1", 1)],
        });
        await InsertAsync(Instance("kept"), Bookmark("b2", "kept"));

        var deleted = await Store.DeleteInstanceAsync("i1");

        Assert.True(deleted);
        Assert.Null(await Store.GetInstanceAsync("i1"));
        Assert.Null(await Store.GetBookmarkAsync("b1"));
        Assert.Empty(await Store.ListTimersAsync());
        Assert.Empty(await Store.GetJournalAsync("i1"));
        Assert.Empty(await Store.GetLogsAsync("i1"));
        Assert.NotNull(await Store.GetBookmarkAsync("b2"));
    }

    [StoreFact]
    public async Task DeleteInstance_Unknown_ReturnsFalse()
    {
        Assert.False(await Store.DeleteInstanceAsync("missing"));
    }
}
