// Benchmarks of the engine and its stores; writes BENCHMARKS.md at the repository root. Run in Release:
//   dotnet run -c Release --project bench/ElsaFlow.Benchmarks -- [all|engine|store|api|loop|studio|sql|cluster|flows|five] [--runs N] [--seconds S] [--out FILE] [--policy OnSuspend|EachActivity (loop only)] [--only 4a|4b|4c (five) | C2 (cluster: C1 and C2, no scale-out)]
using System.Globalization;
using ElsaFlow.Benchmarks;

var suite = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
var runs = int.Parse(Option("--runs") ?? "5", CultureInfo.InvariantCulture);
var seconds = double.Parse(Option("--seconds") ?? "5", CultureInfo.InvariantCulture);
var output = Option("--out") ?? (suite is "loop" or "five" ? "" : Path.Combine(RepositoryRoot(), "BENCHMARKS.md"));
string[] known = ["all", "engine", "store", "api", "loop", "studio", "sql", "cluster", "flows", "five"];
if (!known.Contains(suite))
{
    Console.Error.WriteLine($"Unknown suite '{suite}'; use one of: {string.Join(", ", known)}");
    return 2;
}
#if DEBUG
Console.Error.WriteLine("Warning: a Debug build; numbers are meaningless. Use -c Release.");
#endif

var folder = Directory.CreateTempSubdirectory("elsaflow-bench-").FullName;
try
{
    if (suite is "all" or "engine")
        Report("engine", "Engine throughput", await new EngineSuite(folder, runs).RunAsync(), "");
    if (suite is "loop")
        foreach (var r in await new EngineSuite(folder, runs).RunLoopInMemoryAsync(Option("--policy") is { } policy ? Enum.Parse<ElsaFlow.Engine.Runtime.CommitPolicy>(policy, ignoreCase: true) : null)) Console.WriteLine($"{r.Name}: {r.Result} [{r.How}]");
    if (suite is "five")
        foreach (var r in await new EngineSuite(folder, runs).RunFiveStepsAsync(Option("--only"))) Console.WriteLine($"{r.Name}: {r.Result} [{r.How}]");
    if (suite is "all" or "store")
        Report("store", "Store commits", await new StoreSuite(folder, seconds).RunAsync(), "");
    if (suite is "all" or "api")
    {
        var api = new ApiSuite(folder, int.Parse(Option("--flows") ?? "500", CultureInfo.InvariantCulture),
            int.Parse(Option("--executes") ?? "300", CultureInfo.InvariantCulture), inFlight: 16);
        var results = await api.RunAsync();
        Report("api", "API throughput and latency", results,
            "The machine has 2 shared cores: the client, the server and the database share them. " + api.Notes);
    }
    if (suite is "all" or "sql")
        Report("sql", "SQL checks", await new SqlCheckSuite(runs).RunAsync(),
            "Each SQL a flow author wrote is parsed by DuckDB's parser (json_serialize_sql, in a private in-memory database) when its step runs; " +
            "passed checks are remembered. A first check costs about two DuckDB statements, once per step, never per row.");
    if (suite is "all" or "cluster")
    {
        var cluster = new ElsaFlow.Benchmarks.Cluster.ClusterSuite(folder, Math.Min(runs, 3), remoteOnly: Option("--only") == "C2");
        Report("cluster", "Cluster over RabbitMQ", await cluster.RunAsync(), cluster.Notes);
    }
    if (suite is "all" or "flows")
        Report("flows", "Flow size", await new FlowsSuite(folder, runs).RunAsync(),
            "Reading and validating a flow, and compiling its graph, cost the same per activity at 1k, 10k and 60k activities (before: a 60,000-activity flow took 66 s to validate). " +
            "Flows have at most 10,000 activities unless ElsaFlow:Flows:MaxActivities (CLI: --max-activities) says otherwise; this suite raises the limit to 100,000.");
    if (suite is "all" or "studio")
        Report("studio", "Studio load time", await new StudioSuite(folder, runs).RunAsync(),
            "Chromium, the server and the benchmark share the machine's 2 cores. The browser's cache is warm after the warm-up load, as it is for a returning user.");
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}
if (suite is not ("loop" or "five")) Console.WriteLine($"Wrote {output}");
return 0;

void Report(string name, string title, List<BenchResult> results, string notes)
{
    foreach (var r in results) Console.WriteLine($"{r.Name}: {r.Result} (target {r.Target}: {r.Verdict})");
    MarkdownReport.Write(output, name, title, results, notes);
}

string? Option(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "ElsaFlow.sln"))) return dir.FullName;
    throw new InvalidOperationException("Run from inside the repository, or give --out FILE");
}
