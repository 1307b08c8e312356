using System.Diagnostics;
using ElsaFlow.Engine.Store;
using ElsaFlow.Persistence.Sqlite;

namespace ElsaFlow.Benchmarks;

/// <summary>
/// SQLite commits/s the way the runtime commits after every activity: update the instance row (4 KB state, revision
/// check), the same bookmark set, 2 journal rows.
/// </summary>
internal sealed class StoreSuite(string tempFolder, double seconds)
{
    public async Task<List<BenchResult>> RunAsync()
    {
        var results = new List<BenchResult>();
        foreach (var fast in new[] { false, true })
        {
            var rate = await CommitsPerSecondAsync(fast);
            results.Add(new BenchResult($"S{(fast ? 2 : 1)}. SQLite commits, {(fast ? "fast path (prepared SQL)" : "plain EF Core")}",
                "One instance commit: instance row with a 4 KB state (revision check), 1 bookmark, 2 journal rows",
                $"`store.CommitAsync` in a loop for {seconds:N0} s after 1 warm-up commit, Stopwatch",
                $"{rate:N0} commits/s", "none set (reported)", null));
        }
        return results;
    }

    private async Task<double> CommitsPerSecondAsync(bool fast)
    {
        using var store = SqliteWorkflowStore.Open(Path.Combine(tempFolder, fast ? "store-fast.db" : "store-ef.db"), fast);
        var now = DateTimeOffset.UtcNow;
        var state = "{\"data\":\"" + new string('x', 4096 - 11) + "\"}";
        var instance = new InstanceRecord { Id = "bench", DefinitionId = "flow", DefinitionVersion = 1, StateJson = state, CreatedAt = now, UpdatedAt = now };
        BookmarkRecord[] bookmarks = [new() { Id = "b1", InstanceId = "bench", ActivityId = "wait", ExecutionId = "e1", Name = "Event", MatchKey = "k", CreatedAt = now }];
        await store.CommitAsync(new InstanceCommit { Instance = instance, ExpectedRevision = 0, Bookmarks = bookmarks });

        long revision = 1, sequence = 0, commits = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            JournalEntry[] journal =
            [
                new() { InstanceId = "bench", Sequence = ++sequence, Kind = JournalKind.ActivityStarted, Timestamp = now, ActivityId = "a", ExecutionId = "x" },
                new() { InstanceId = "bench", Sequence = ++sequence, Kind = JournalKind.ActivityCompleted, Timestamp = now, ActivityId = "a", ExecutionId = "x", Port = "Done", RowCount = 10 },
            ];
            await store.CommitAsync(new InstanceCommit { Instance = instance, ExpectedRevision = revision++, Bookmarks = bookmarks, Journal = journal });
            commits++;
        }
        return commits / clock.Elapsed.TotalSeconds;
    }
}
