using System.Diagnostics;
using ElsaFlow.Engine.Descriptors;
using ElsaFlow.Engine.Loading;
using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Runtime.Graph;
using ElsaFlow.Engine.Store;
using ElsaFlow.FlowCorpus;
using ElsaFlow.Persistence.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaFlow.Benchmarks;

/// <summary>
/// What a flow's size costs: reading + validating (what /api/workflows/validate and import do) and compiling the graph
/// (what a start does) for chains of 1k, 10k and 60k activities; linear means the cost per activity stays flat. Then a
/// chain executed in memory, to show whether running is linear too (the runner is measured here, not changed).
/// </summary>
internal sealed class FlowsSuite(string tempFolder, int runs)
{
    private static readonly int[] Sizes = [1_000, 10_000, 60_000];
    private static readonly int[] ChainRuns = [2_000, 4_000, 8_000];

    public async Task<List<BenchResult>> RunAsync()
    {
        await using var host = new BenchHost(new InMemoryWorkflowStore(), CommitPolicy.EachActivity);
        var registry = host.Services.GetRequiredService<ActivityRegistry>();
        var loader = new FlowLoader(registry, new FlowLimits { MaxActivities = 100_000 });
        var results = new List<BenchResult>();
        var perActivity = new List<(string What, int Size, double Micros)>();
        foreach (var size in Sizes)
        {
            var json = LargeFlows.Chain(size - 1, $"chain-{size}");
            loader.Parse(LargeFlows.Chain(99), FlowFormat.Json);
            var (validate, validateAll) = await Measure.MedianSecondsAsync(size > 10_000 ? Math.Min(runs, 3) : runs, () =>
            {
                if (!loader.Parse(json, FlowFormat.Json, "chain.json").IsValid) throw new InvalidOperationException("the chain is not valid");
                return Task.CompletedTask;
            });
            var definition = loader.Parse(json, FlowFormat.Json).Definition!;
            var (compile, compileAll) = await Measure.MedianSecondsAsync(runs, () =>
            {
                WorkflowGraph.Compile(definition, registry);
                return Task.CompletedTask;
            });
            perActivity.Add(("validate", size, validate * 1e6 / size));
            perActivity.Add(("compile", size, compile * 1e6 / size));
            results.Add(Row($"F{results.Count + 1}. Validate {size:N0} activities", size, json.Length, "`FlowLoader.Parse` (read JSON, map, validate)",
                validate, validateAll, perActivity));
            results.Add(Row($"F{results.Count + 1}. Compile {size:N0} activities", size, json.Length, "`WorkflowGraph.Compile` of the validated definition",
                compile, compileAll, perActivity));
        }
        results.Add(await ExecuteChainsAsync(host, "F7. Execute a chain, in memory, EachActivity"));
        await using var sqlite = new BenchHost(SqliteWorkflowStore.Open(Path.Combine(tempFolder, "flows.db")), CommitPolicy.EachActivity);
        results.Add(await ExecuteChainsAsync(sqlite, "F8. Execute a chain, SQLite file, EachActivity"));
        return results;
    }

    private static BenchResult Row(string name, int size, int chars, string call, double median, double[] all, List<(string What, int Size, double Micros)> perActivity)
    {
        var what = name.Contains("Validate") ? "validate" : "compile";
        var micros = median * 1e6 / size;
        var smallest = perActivity.First(p => p.What == what).Micros;
        // Linear: the cost per activity at this size stays within 3x of the 1k flow's (quadratic would be 60x at 60k).
        var linear = micros <= 3 * smallest;
        return new BenchResult(name,
            $"{call} of a Flowchart of {size - 1:N0} Log steps, each connected to the next ({chars / 1024.0 / 1024.0:N1} MB of JSON)",
            $"Stopwatch, median of {all.Length} (runs: {string.Join(", ", all.Select(s => $"{s * 1000:N0} ms"))})",
            $"{median * 1000:N0} ms ({micros:N1} us per activity)",
            "per-activity cost within 3x of the 1k flow's (linear)", linear);
    }

    private static async Task<BenchResult> ExecuteChainsAsync(BenchHost host, string name)
    {
        var timings = new List<string>();
        double? first = null;
        var last = 0.0;
        foreach (var steps in ChainRuns)
        {
            var definition = host.Parse(LargeFlows.Chain(steps, $"run-{steps}"));
            var clock = Stopwatch.StartNew();
            var result = await host.Runtime.RunAsync(new StartWorkflowRequest { Definition = definition });
            var seconds = clock.Elapsed.TotalSeconds;
            if (result.Status != WorkflowStatus.Finished) throw new InvalidOperationException($"the chain ended {result.Status}: {result.Error}");
            await host.Store.DeleteInstanceAsync(result.InstanceId);
            last = seconds * 1e3 / steps;
            first ??= last;
            timings.Add($"{steps:N0} steps: {seconds * 1000:N0} ms ({last:N2} ms per step)");
        }
        return new BenchResult(name,
            "`runtime.RunAsync` of a Flowchart chain of Log steps (the runner in src/Engine/Runtime; measured, not changed by this suite)",
            "Stopwatch, one run per size, after the validate/compile rows warmed the engine",
            string.Join("; ", timings),
            "none set (reported): a per-step cost that grows with the chain's length means the runner is not linear", null);
    }
}
