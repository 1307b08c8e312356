// Measures SQLite commits/s the way the runtime commits after every activity: update the instance row (4 KB state,
// revision check), the same bookmark set, 2 journal rows. Run by hand:
//   dotnet run -c Release --project bench/ElsaFlow.Persistence.Bench [seconds-per-mode]
using System.Diagnostics;
using ElsaFlow.Engine.Store;
using ElsaFlow.Persistence.Sqlite;

var seconds = args.Length > 0 ? double.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5;
var folder = Directory.CreateTempSubdirectory("elsaflow-bench-").FullName;
try
{
    foreach (var fast in new[] { false, true })
        await RunAsync(fast);
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}

async Task RunAsync(bool fast)
{
    using var store = SqliteWorkflowStore.Open(Path.Combine(folder, fast ? "fast.db" : "ef.db"), fast);
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
    Console.WriteLine($"{(fast ? "fast path (prepared SQL)" : "plain EF Core")}: {commits / clock.Elapsed.TotalSeconds:N0} commits/s ({commits} commits)");
}
