using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ElsaFlow.Benchmarks;

/// <summary>
/// The server over HTTP on 127.0.0.1, hosted in process by ElsaFlowServer.CreateBuilder/Build over a temp data folder:
/// dispatch throughput of a 3-activity flow (dispatched with a bounded number in flight, timed until all are Finished)
/// and the latency of the sync execute endpoint (sequential requests), on SQLite and on MariaDB when one can be started.
/// </summary>
internal sealed class ApiSuite(string tempFolder, int flows, int executes, int inFlight)
{
    private const string DefinitionId = "bench-api";

    private const string Flow = """
        {"definitionId": "bench-api",
         "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "one", "type": "Log", "message": "one"},
           {"id": "two", "type": "SetVariable", "variable": "n", "value": 2},
           {"id": "end", "type": "Finish", "outputs": {"done": "yes"}}
         ]},
         "variables": [{"name": "n", "type": "Number", "value": 0}]}
        """;

    public string Notes { get; private set; } = "";

    public async Task<List<BenchResult>> RunAsync()
    {
        var results = await RunOnAsync("SQLite", "A", null);
        var mariaDb = BenchMariaDb.FindServer() is null ? null : await BenchMariaDb.StartAsync(tempFolder);
        if (mariaDb is null)
        {
            Notes = BenchMariaDb.NotInstalled;
            return results;
        }
        Notes = "MariaDB: a private mariadbd started for the run (innodb_flush_log_at_trx_commit=2, 64 MB buffer pool, no binary log), over TCP on 127.0.0.1.";
        await using (mariaDb) results.AddRange(await RunOnAsync("MariaDB", "B", mariaDb.ConnectionString));
        return results;
    }

    private async Task<List<BenchResult>> RunOnAsync(string store, string prefix, string? mySql)
    {
        var dataFolder = Directory.CreateDirectory(Path.Combine(tempFolder, "api-" + store.ToLowerInvariant())).FullName;
        string[] storeArgs = mySql is null ? [] : ["--ElsaFlow:Store:Provider=MySql", $"--ElsaFlow:Store:ConnectionString={mySql}"];
        await using var server = await BenchServer.StartAsync(dataFolder, storeArgs);
        using var client = server.Client(TimeSpan.FromMinutes(5));
        (await client.PostAsJsonAsync("/api/workflows", JsonNode.Parse(Flow))).EnsureSuccessStatusCode();
        (await client.PostAsync($"/api/workflows/{DefinitionId}/publish", null)).EnsureSuccessStatusCode();
        for (var i = 0; i < 20; i++) (await client.PostAsJsonAsync($"/api/workflows/{DefinitionId}/execute?correlationId=warmup", new JsonObject())).EnsureSuccessStatusCode();

        var rate = await DispatchRateAsync(client);
        var (p50, p99) = await ExecuteLatencyAsync(client);
        return
        [
            new BenchResult($"{prefix}1. API dispatch throughput, {store}",
                "Dispatch + completion of a 3-activity flow (Log, SetVariable, Finish) through the REST API",
                $"{flows} `POST /dispatch` with {inFlight} in flight over HTTP on 127.0.0.1, timed from the first request until "
                    + "`GET /api/instances?status=Finished` counts them all (polled every 50 ms); after 20 warm-up executes",
                $"{rate:N0} flows/s", "none set (reported)", null),
            new BenchResult($"{prefix}2. Sync execute latency, {store}",
                "`POST /execute` of the same flow, answered when the instance finished",
                $"{executes} requests one after another, Stopwatch per request",
                $"p50 {p50:N1} ms, p99 {p99:N1} ms", "none set (reported)", null),
        ];
    }

    private async Task<double> DispatchRateAsync(HttpClient client)
    {
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, flows), new ParallelOptions { MaxDegreeOfParallelism = inFlight }, async (_, ct) =>
            (await client.PostAsJsonAsync($"/api/workflows/{DefinitionId}/dispatch?correlationId=throughput", new JsonObject(), ct)).EnsureSuccessStatusCode());
        while (await FinishedAsync(client) < flows)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(10)) throw new TimeoutException($"{flows} dispatched flows did not all finish in 10 minutes");
            await Task.Delay(50);
        }
        return flows / clock.Elapsed.TotalSeconds;
    }

    private static async Task<int> FinishedAsync(HttpClient client)
    {
        var page = await client.GetFromJsonAsync<JsonObject>($"/api/instances?definition={DefinitionId}&correlationId=throughput&status=Finished&take=1");
        return page!["total"]!.GetValue<int>();
    }

    private async Task<(double P50, double P99)> ExecuteLatencyAsync(HttpClient client)
    {
        var times = new double[executes];
        for (var i = 0; i < executes; i++)
        {
            var clock = Stopwatch.StartNew();
            var response = await client.PostAsJsonAsync($"/api/workflows/{DefinitionId}/execute?correlationId=latency", new JsonObject());
            times[i] = clock.Elapsed.TotalMilliseconds;
            response.EnsureSuccessStatusCode();
            var status = (await response.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>();
            if (status != "Finished") throw new InvalidOperationException($"execute answered {status}");
        }
        Array.Sort(times);
        return (Percentile(times, 0.50), Percentile(times, 0.99));
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
