using System.Diagnostics;
using System.Text;
using ElsaFlow.Engine.Model;
using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Store;
using ElsaFlow.Persistence.Sqlite;

namespace ElsaFlow.Benchmarks;

/// <summary>Whole-flow throughput of the runtime: the 10,000-iteration loop and many small flows, in memory and on SQLite.</summary>
internal sealed class EngineSuite(string tempFolder, int runs)
{
    private const double LoopTargetInMemory = 100_000, LoopTargetSqlite = 2_000, StateTargetBytes = 64 * 1024;
    private int _databases;
    private TimeSpan _timedCpu;

    public async Task<List<BenchResult>> RunAsync()
    {
        var results = new List<BenchResult>();
        var state = await LoopAsync(results, "1a", "in memory, OnSuspend", new InMemoryWorkflowStore(), CommitPolicy.OnSuspend, LoopTargetInMemory, runs);
        await LoopAsync(results, "1b", "in memory, EachActivity", new InMemoryWorkflowStore(), CommitPolicy.EachActivity, LoopTargetInMemory, runs);
        var sqliteState = await LoopAsync(results, "2", "SQLite file, EachActivity", OpenSqlite(), CommitPolicy.EachActivity, LoopTargetSqlite, runs);
        results.Add(StateSize(state, sqliteState));
        await FlowsAsync(results, "4a", "in memory, EachActivity", new InMemoryWorkflowStore(), CommitPolicy.EachActivity, 2_000);
        await FlowsAsync(results, "4b", "in memory, OnSuspend", new InMemoryWorkflowStore(), CommitPolicy.OnSuspend, 2_000);
        await FlowsAsync(results, "4c", "SQLite file, EachActivity", OpenSqlite(), CommitPolicy.EachActivity, 500);
        return results;
    }

    /// <summary>Only the in-memory loop (1a, 1b): quick to rerun while profiling or optimising; not written to BENCHMARKS.md.</summary>
    public async Task<List<BenchResult>> RunLoopInMemoryAsync(CommitPolicy? only)
    {
        var results = new List<BenchResult>();
        if (only is null or CommitPolicy.OnSuspend)
            await LoopAsync(results, "1a", "in memory, OnSuspend", new InMemoryWorkflowStore(), CommitPolicy.OnSuspend, LoopTargetInMemory, runs);
        if (only is null or CommitPolicy.EachActivity)
            await LoopAsync(results, "1b", "in memory, EachActivity", new InMemoryWorkflowStore(), CommitPolicy.EachActivity, LoopTargetInMemory, runs);
        return results;
    }

    /// <summary>
    /// Only the five-step flows (4a, 4b, 4c), with the process CPU time per flow beside the rate: on a shared machine the
    /// CPU per flow is what compares builds; printed, not written to BENCHMARKS.md.
    /// </summary>
    public async Task<List<BenchResult>> RunFiveStepsAsync(string? only)
    {
        var results = new List<BenchResult>();
        foreach (var (id, setup, store, policy, count) in new (string, string, Func<IWorkflowStore>, CommitPolicy, int)[]
                 {
                     ("4a", "in memory, EachActivity", () => new InMemoryWorkflowStore(), CommitPolicy.EachActivity, 2_000),
                     ("4b", "in memory, OnSuspend", () => new InMemoryWorkflowStore(), CommitPolicy.OnSuspend, 2_000),
                     ("4c", "SQLite file, EachActivity", OpenSqlite, CommitPolicy.EachActivity, 500)
                 })
        {
            if (only is not null && only != id) continue;
            _timedCpu = TimeSpan.Zero;
            await FlowsAsync(results, id, setup, store(), policy, count);
            results[^1] = results[^1] with { Result = $"{results[^1].Result}; process CPU {_timedCpu.TotalMicroseconds / (runs * count):N1} us per flow (timed runs)" };
        }
        return results;
    }

    private IWorkflowStore OpenSqlite() => SqliteWorkflowStore.Open(Path.Combine(tempFolder, $"engine-{++_databases}.db"));

    /// <summary>Runs the loop once to warm up (JIT, Jint, the store), then <paramref name="timedRuns"/> times; reports the median.</summary>
    private const int WarmUpRuns = 10;

    private static async Task<int> LoopAsync(List<BenchResult> results, string id, string setup, IWorkflowStore store, CommitPolicy policy, double target, int timedRuns)
    {
        await using var host = new BenchHost(store, policy);
        var definition = host.Parse(Flows.Loop);
        // Tiered compilation needs a few runs of the loop before the hot methods are at their final tier (one warm-up
        // run leaves them half-way, and the timed runs then spread 2-4x); measure the steady state.
        var forgetEarlierRuns = store is InMemoryWorkflowStore;
        string last = "";
        for (var i = 0; i < WarmUpRuns; i++)
        {
            if (forgetEarlierRuns && last.Length > 0) await store.DeleteInstanceAsync(last);
            last = await RunLoopOnceAsync(host, definition);
        }

        // Every run starts from the same heap: an in-memory store would otherwise keep each earlier run's 40,000
        // journal entries alive, and the later runs would pay for collecting them.
        var (median, all) = await Measure.MedianSecondsAsync(timedRuns, async () =>
        {
            if (forgetEarlierRuns && last.Length > 0) await store.DeleteInstanceAsync(last);
            last = await RunLoopOnceAsync(host, definition);
        });
        var journal = await store.GetJournalAsync(last);
        var completed = journal.Count(e => e.Kind == JournalKind.ActivityCompleted);
        var orchestration = (journal[^1].Timestamp - journal[0].Timestamp).TotalMilliseconds;
        if (completed != Flows.LoopActivities)
            throw new InvalidOperationException($"The loop completed {completed} activities, expected {Flows.LoopActivities}");
        var rate = completed / median;
        results.Add(new BenchResult($"{id}. Loop, {setup}",
            $"While(i < 10000) -> If(i % 2 == 0) -> SetVariable(i + 1); {completed:N0} activity executions (ActivityCompleted journal entries) per run",
            $"`runtime.RunAsync` start to settled, Stopwatch; {WarmUpRuns} warm-up runs, median of {timedRuns} (runs: {string.Join(", ", all.Select(s => $"{s * 1000:N0} ms"))})",
            $"{rate:N0} activity executions/s ({median * 1000:N0} ms per run; last run: {orchestration:N0} ms from the first to the last journal entry, the rest is start, final commit and wait)",
            $">= {target:N0}/s", rate >= target));
        var record = await store.GetInstanceAsync(last) ?? throw new InvalidOperationException("The loop instance is gone");
        return Encoding.UTF8.GetByteCount(record.StateJson);
    }

    private static async Task<string> RunLoopOnceAsync(BenchHost host, WorkflowDefinition definition)
    {
        var result = await host.Runtime.RunAsync(new StartWorkflowRequest { Definition = definition });
        if (result.Status != WorkflowStatus.Finished || result.Variables["i"]?.GetValue<int>() != Flows.LoopIterations)
            throw new InvalidOperationException($"The loop ended {result.Status} with i = {result.Variables["i"]}: {result.Error}");
        return result.InstanceId;
    }

    private static BenchResult StateSize(int inMemoryBytes, int sqliteBytes) => new("3. State document after the loop",
        "UTF-8 length of the instance record's StateJson after the 10,000-iteration loop finished",
        "`store.GetInstanceAsync(id).StateJson` after run 1a (in memory) and run 2 (SQLite)",
        $"{inMemoryBytes:N0} bytes (in memory), {sqliteBytes:N0} bytes (SQLite)",
        $"< {StateTargetBytes / 1024:N0} KB", Math.Max(inMemoryBytes, sqliteBytes) < StateTargetBytes);

    /// <summary>Starts <paramref name="count"/> instances of the five-step flow at once and waits until the runtime is idle.</summary>
    private async Task FlowsAsync(List<BenchResult> results, string id, string setup, IWorkflowStore store, CommitPolicy policy, int count)
    {
        await using var host = new BenchHost(store, policy);
        var first = await host.Runtime.RunAsync(new StartWorkflowRequest { Definition = host.Parse(Flows.FiveSteps) });
        if (first.Status != WorkflowStatus.Finished) throw new InvalidOperationException($"The five-step flow ended {first.Status}: {first.Error}");
        await StartAllAsync(host, Math.Min(count / 10, 100));

        var (median, all) = await Measure.MedianSecondsAsync(runs, async () =>
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            await StartAllAsync(host, count);
            _timedCpu += Process.GetCurrentProcess().TotalProcessorTime - cpu;
        });
        var finished = (await store.ListInstancesAsync(new InstanceQuery { DefinitionId = "bench-five", Status = WorkflowStatus.Finished, Take = 1 })).Total;
        var expected = 1 + Math.Min(count / 10, 100) + runs * count;
        if (finished != expected) throw new InvalidOperationException($"{finished} five-step instances finished, expected {expected}");
        var rate = count / median;
        results.Add(new BenchResult($"{id}. Five-step flows, {setup}",
            $"Sequence(Log, SetVariable, If, SetVariable, Log): {count:N0} instances started at once, each {Flows.FiveStepsActivities} activity executions",
            $"`runtime.StartAsync` x {count:N0} (by definition id, concurrently) then `WaitForIdleAsync`, Stopwatch; 1 warm-up batch, median of {runs} (runs: {string.Join(", ", all.Select(s => $"{s * 1000:N0} ms"))})",
            $"{rate:N0} flows/s ({rate * Flows.FiveStepsActivities:N0} activity executions/s)",
            "none set (reported)", null));
    }

    private static async Task StartAllAsync(BenchHost host, int count)
    {
        var starts = new Task<string>[count];
        for (var i = 0; i < count; i++)
            starts[i] = host.Runtime.StartAsync(new StartWorkflowRequest { DefinitionId = "bench-five" });
        await Task.WhenAll(starts);
        await host.Runtime.WaitForIdleAsync();
    }
}
