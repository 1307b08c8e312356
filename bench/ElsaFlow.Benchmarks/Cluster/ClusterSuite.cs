using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ElsaFlow.TestServers;

namespace ElsaFlow.Benchmarks.Cluster;

/// <summary>
/// A real cluster on this machine: a private RabbitMQ and MariaDB, one master (<c>elsaflow serve --role master</c>) and
/// worker processes (<c>elsaflow worker</c>), all with their defaults. Remote round trips against bare MassTransit on
/// the same broker, and a CPU-bound data flow with one worker and with two.
/// </summary>
internal sealed class ClusterSuite(string tempFolder, int runs, bool remoteOnly = false)
{
    private const string AdminKey = "bench-admin-key";
    private const int Activities = 2_000;
    private const int InFlight = 32;
    private const int Partitions = 8;
    private const int RowsPerPartition = 500_000;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(45);

    private readonly string _folder = Directory.CreateDirectory(Path.Combine(tempFolder, "cluster")).FullName;
    private readonly List<ClusterNode> _nodes = [];
    private string DataRoot => Path.Combine(_folder, "data");

    public string Notes { get; private set; } = "";

    public async Task<List<BenchResult>> RunAsync()
    {
        var results = new List<BenchResult>();
        var broker = new RabbitMqServer();
        var mariaDb = new MariaDbServer();
        try
        {
            await Task.WhenAll(broker.InitializeAsync(), mariaDb.InitializeAsync());
        }
        catch (Exception error) when (error is InvalidOperationException)
        {
            Notes = $"Not run: {error.Message} (./test.sh installs rabbitmq-server and mariadb-server).";
            return results;
        }
        try
        {
            Directory.CreateDirectory(DataRoot);
            var store = mariaDb.NewDatabase();
            var master = await StartAsync("master", ["serve", "--urls", "http://127.0.0.1:0", "--role", "master", "--bus", broker.Uri], store);
            await StartAsync("worker1", ["worker", "--bus", broker.Uri], store);
            using var client = new HttpClient { BaseAddress = new Uri(master.Url), Timeout = TimeSpan.FromMinutes(10) };
            client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
            await WaitForWorkersAsync(client, 1);

            await RoundTripsAsync(results, client, broker, mariaDb.Folder, store);
            if (!remoteOnly) await ScaleOutAsync(results, client, broker.Uri, store);
            Notes = "One machine with 2 cores runs the broker, MariaDB, the master and the workers: a second worker adds processes, not cores. " +
                    "Every node runs with its defaults (worker concurrency 2 x cores, at least 4; shared dataset store on; MariaDB as started by the tests' fixture). " +
                    "CPU per activity (C2) says where a remote activity's cost goes; on 2 shared cores it bounds the rate. " +
                    "Against C1, every process of the cluster shares the 2 cores, where C1's round trip costs one process and the broker; the master's " +
                    "part is consuming the answer, the orchestration step, dispatching the next one and its share of a commit (answers that arrive " +
                    "together are committed together). " +
                    "C3/C4: DuckDB already uses both cores inside one worker, so a second worker on the same 2 cores gains little; on separate machines " +
                    "the partitions spread over their cores.";
        }
        finally
        {
            foreach (var node in _nodes) await node.DisposeAsync();
            await mariaDb.DisposeAsync();
            await broker.DisposeAsync();
        }
        return results;
    }

    private async Task RoundTripsAsync(List<BenchResult> results, HttpClient client, RabbitMqServer rabbitMq, string databaseFolder, string store)
    {
        var broker = rabbitMq.Uri;
        var raw = new List<double>();
        for (var i = 0; i < runs; i++) raw.Add(await RawRoundTrips.SecondsAsync(broker, Activities, InFlight));
        var rawMedian = raw.Order().ElementAt(runs / 2);
        results.Add(new BenchResult("C1. Bare MassTransit round trips",
            $"{Activities:N0} request/response pairs over RabbitMQ (MassTransit 8.5.12 request client, a consumer that answers), {InFlight} in flight",
            $"Stopwatch over the {Activities:N0}, after {4 * Activities:N0} warm-up pairs (in each run's own bus); median of {runs} (runs: {Seconds(raw)})",
            $"{Activities / rawMedian:N0} round trips/s", "none (the yardstick for C2)", null));

        await PublishAsync(client, "bench-remote", RemoteFlow);
        // A fresh master spends a third of its CPU in the JIT's background tier-up for its first minute (measured with perf):
        // warm-up runs for a while bring it to the steady state a running cluster is in.
        var warming = Stopwatch.StartNew();
        var warmUpRuns = 0;
        for (; warming.Elapsed < WarmUp; warmUpRuns++) await RunFlowAsync(client, "bench-remote");
        var cpu = new CpuMeter(_nodes, rabbitMq.Folder, databaseFolder);
        var (median, all) = await Measure.MedianSecondsAsync(runs, () => RunFlowAsync(client, "bench-remote"));
        var cpuPerActivity = cpu.MicrosecondsPer(Activities * runs);
        var commits = await CommitsAsync(store, await RunFlowAsync(client, "bench-remote"));
        var ratio = rawMedian / median;
        results.Add(new BenchResult("C2. Remote activities through ElsaFlow",
            $"ForEach over {Activities:N0} items, parallelism {InFlight}, each a Starter (a code activity) dispatched by the master to the worker process and answered back; the master commits every answer to MariaDB",
            $"POST /dispatch to status Finished (polled every 100 ms), Stopwatch; {warmUpRuns} warm-up runs ({WarmUp.TotalSeconds:N0} s), median of {runs} (runs: {Seconds(all)}); CPU per activity: {cpuPerActivity}; the master committed {commits:N0} times in a run of {Activities:N0} activities (answers that arrive together share a commit)",
            $"{Activities / median:N0} remote activities/s = {ratio:P0} of C1", ">= 50% of C1", ratio >= 0.5));
    }

    private async Task ScaleOutAsync(List<BenchResult> results, HttpClient client, string broker, string store)
    {
        var files = await WritePartitionsAsync();
        await PublishAsync(client, "bench-scale", ScaleFlow(files));
        await RunFlowAsync(client, "bench-scale"); // warm-up, one worker
        var (one, oneAll) = await Measure.MedianSecondsAsync(runs, () => RunFlowAsync(client, "bench-scale"));
        await StartAsync("worker2", ["worker", "--bus", broker], store);
        await WaitForWorkersAsync(client, 2);
        await RunFlowAsync(client, "bench-scale");
        var (two, twoAll) = await Measure.MedianSecondsAsync(runs, () => RunFlowAsync(client, "bench-scale"));
        var what = $"ForEach over {Partitions} CSV partitions of {RowsPerPartition:N0} rows (parallelism {Partitions}, collect): CsvInput -> AddField (a hash per row) -> " +
                   "Group (count_distinct of the hash, sum); then Union -> Group -> CsvOutput. Datasets cross nodes as Parquet in the shared dataset store";
        results.Add(new BenchResult("C3. Scale-out, 1 worker", what,
            $"POST /dispatch to Finished; 1 warm-up run, median of {runs} (runs: {Seconds(oneAll)})", $"{one:N2} s per run", "none (the base of C4)", null));
        results.Add(new BenchResult("C4. Scale-out, 2 workers", what,
            $"as C3 with a second worker process; 1 warm-up run, median of {runs} (runs: {Seconds(twoAll)})",
            $"{two:N2} s per run: {one / two:N2}x the speed of 1 worker", "reported (2 cores: the workers share them)", null));
    }

    private async Task<ClusterNode> StartAsync(string name, string[] command, string store)
    {
        var node = new ClusterNode(name, DataRoot,
        [
            .. command, "--store", Path.Combine(_folder, "nodes", name),
            "--ElsaFlow:Store:Provider=MySql", $"--ElsaFlow:Store:ConnectionString={store}",
            $"--ElsaFlow:DataRoots:0={DataRoot}", $"--ElsaFlow:Datasets:Shared={Path.Combine(_folder, "shared-datasets")}",
            "--ElsaFlow:WorkflowsFolder=", "--Serilog:MinimumLevel:Default=Warning"
        ], new Dictionary<string, string> { ["ELSAFLOW_ADMIN_KEY"] = AdminKey });
        _nodes.Add(node);
        await node.StartAsync();
        return node;
    }

    private static async Task WaitForWorkersAsync(HttpClient client, int count)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var workers = await client.GetFromJsonAsync<JsonArray>("/api/workers");
            if (workers!.Count(w => w!["live"]!.GetValue<bool>() && w["role"]!.GetValue<string>() == "Worker") >= count) return;
            if (clock.Elapsed > TimeSpan.FromMinutes(1)) throw new InvalidOperationException($"{count} worker(s) never showed up: {workers!.ToJsonString()}");
            await Task.Delay(200);
        }
    }

    private static async Task PublishAsync(HttpClient client, string id, string flow)
    {
        (await client.PostAsJsonAsync("/api/workflows", JsonNode.Parse(flow))).EnsureSuccessStatusCode();
        (await client.PostAsync($"/api/workflows/{id}/publish", null)).EnsureSuccessStatusCode();
    }

    /// <summary>How many commits made the instance: its revision in the store.</summary>
    private static async Task<long> CommitsAsync(string store, string instanceId)
    {
        await using var connection = new MySqlConnector.MySqlConnection(store);
        await connection.OpenAsync();
        await using var command = new MySqlConnector.MySqlCommand("SELECT Revision FROM instances WHERE Id = @id", connection);
        command.Parameters.AddWithValue("@id", instanceId);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private static async Task<string> RunFlowAsync(HttpClient client, string id)
    {
        var response = await client.PostAsJsonAsync($"/api/workflows/{id}/dispatch", new JsonObject());
        response.EnsureSuccessStatusCode();
        var instanceId = (await response.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!.GetValue<string>();
        while (true)
        {
            var details = await client.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}");
            var status = details!["instance"]!["status"]!.GetValue<string>();
            if (status == "Finished") return instanceId;
            if (status is "Faulted" or "Cancelled") throw new InvalidOperationException($"{id} ended {status}: {details.ToJsonString()}");
            await Task.Delay(100);
        }
    }

    private async Task<List<string>> WritePartitionsAsync()
    {
        var folder = Directory.CreateDirectory(Path.Combine(DataRoot, "partitions")).FullName;
        string[] regions = ["EU", "US", "APAC", "LATAM"];
        var files = new List<string>();
        for (var p = 0; p < Partitions; p++)
        {
            var path = Path.Combine(folder, $"part-{p}.csv");
            await using var writer = new StreamWriter(path);
            await writer.WriteLineAsync("id,region,amount");
            for (var i = 0; i < RowsPerPartition; i++)
            {
                var id = p * RowsPerPartition + i;
                await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{id},{regions[id % 4]},{id % 997}"));
            }
            files.Add($"partitions/part-{p}.csv");
        }
        return files;
    }

    private static string Seconds(IEnumerable<double> all) => string.Join(", ", all.Select(s => $"{s:N2} s"));

    private static readonly string RemoteFlow = """
        {"definitionId": "bench-remote", "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "items", "type": "ForEach", "parallelism": IN_FLIGHT, "items": {"expression": {"type": "JavaScript", "value": "Array.from({length: ACTIVITIES}, (_, i) => i)"}}},
           {"id": "work", "type": "Starter"}],
          "connections": [{"source": {"activity": "items", "port": "Iterate"}, "target": {"activity": "work", "port": "In"}}]}}
        """.Replace("IN_FLIGHT", $"{InFlight}").Replace("ACTIVITIES", $"{Activities}");

    private static string ScaleFlow(List<string> files) => """
        {"definitionId": "bench-scale", "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "parts", "type": "ForEach", "parallelism": PARTITIONS, "collect": true, "items": FILES},
           {"id": "read", "type": "CsvInput", "path": {"expression": {"type": "JavaScript", "value": "item"}}},
           {"id": "hash", "type": "AddField", "fields": [{"name": "h", "expression": "hash(id * 7919 + amount) % 100000"}]},
           {"id": "part", "type": "Group", "by": ["region"], "aggregations": [{"column": "h", "function": "count_distinct", "as": "distinct_h"}, {"column": "amount", "function": "sum", "as": "revenue"}]},
           {"id": "all", "type": "Union"},
           {"id": "total", "type": "Group", "by": ["region"], "aggregations": [{"column": "revenue", "function": "sum", "as": "revenue"}, {"column": "distinct_h", "function": "max", "as": "distinct_h"}]},
           {"id": "out", "type": "CsvOutput", "path": "out/bench-scale.csv"}],
          "connections": [
           {"source": {"activity": "parts", "port": "Iterate"}, "target": {"activity": "read", "port": "In"}},
           {"source": {"activity": "read", "port": "Done"}, "target": {"activity": "hash", "port": "In"}},
           {"source": {"activity": "hash", "port": "Done"}, "target": {"activity": "part", "port": "In"}},
           {"source": {"activity": "part", "port": "Done"}, "target": {"activity": "parts", "port": "In"}},
           {"source": {"activity": "parts", "port": "Done"}, "target": {"activity": "all", "port": "In"}},
           {"source": {"activity": "all", "port": "Done"}, "target": {"activity": "total", "port": "In"}},
           {"source": {"activity": "total", "port": "Done"}, "target": {"activity": "out", "port": "In"}}]}}
        """
        .Replace("PARTITIONS", $"{Partitions}").Replace("FILES", new JsonArray(files.Select(f => (JsonNode)f).ToArray()).ToJsonString());
}
