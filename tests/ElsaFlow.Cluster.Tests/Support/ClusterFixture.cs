using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ElsaFlow.TestServers;

namespace ElsaFlow.Cluster.Tests.Support;

/// <summary>
/// A real cluster for the run, shared by the cluster tests: a private RabbitMQ broker, a MariaDB store, two masters
/// and two worker processes (worker "east" in group east, worker "west" in group west; both take unpinned activities),
/// one data root and one shared dataset store every node uses. Short leases and heartbeats, so takeovers are quick.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const string AdminKey = "cluster-test-admin-key";

    private readonly MariaDbServer _mariaDb = new();
    private readonly List<ClusterNode> _nodes = [];
    private string _store = "";

    public RabbitMqServer Broker { get; } = new();
    public string Folder { get; } = Directory.CreateTempSubdirectory("elsaflow-cluster-").FullName;
    public string DataRoot => Path.Combine(Folder, "data");
    public string SharedDatasets => Path.Combine(Folder, "shared-datasets");
    public string PluginsFolder => Path.Combine(AppContext.BaseDirectory, "plugins");

    public ClusterNode Master1 { get; private set; } = null!;
    public ClusterNode Master2 { get; private set; } = null!;
    public ClusterNode East { get; private set; } = null!;
    public ClusterNode West { get; private set; } = null!;
    public IReadOnlyList<ClusterNode> Workers => [East, West];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataRoot);
        await Task.WhenAll(Broker.InitializeAsync(), _mariaDb.InitializeAsync());
        _store = _mariaDb.NewDatabase();
        // The first master creates the schema; the other nodes start once it is there.
        Master1 = await StartMasterAsync("master1");
        var rest = new[] { StartMasterAsync("master2"), StartWorkerAsync("east", "east"), StartWorkerAsync("west", "west") };
        await Task.WhenAll(rest);
        (Master2, East, West) = (rest[0].Result, rest[1].Result, rest[2].Result);
    }

    private string[] Common(string name) =>
    [
        "--store", Path.Combine(Folder, "nodes", name), "--plugins", PluginsFolder,
        "--ElsaFlow:Store:Provider=MySql", $"--ElsaFlow:Store:ConnectionString={_store}",
        $"--ElsaFlow:DataRoots:0={DataRoot}", $"--ElsaFlow:Datasets:Shared={SharedDatasets}", "--ElsaFlow:WorkflowsFolder=",
        "--ElsaFlow:LeaseDuration=00:00:06", "--ElsaFlow:SweepInterval=00:00:01",
        "--ElsaFlow:Bus:HeartbeatInterval=00:00:01", "--ElsaFlow:Bus:ExecutionHeartbeatTimeout=00:00:15"
    ];

    private Task<ClusterNode> StartMasterAsync(string name) =>
        StartAsync(name, ["serve", "--urls", "http://127.0.0.1:0", "--role", "master", "--bus", Broker.Uri, .. Common(name)]);

    public Task<ClusterNode> StartWorkerAsync(string name, params string[] groups) =>
        StartAsync(name, ["worker", "--bus", Broker.Uri, "--concurrency", "4", .. groups.SelectMany(g => new[] { "--group", g }), .. Common(name)]);

    private async Task<ClusterNode> StartAsync(string name, string[] arguments)
    {
        var node = new ClusterNode(name, DataRoot, arguments, new Dictionary<string, string> { ["ELSAFLOW_ADMIN_KEY"] = AdminKey });
        lock (_nodes) _nodes.Add(node);
        await node.StartAsync();
        return node;
    }

    /// <summary>An API client of a master with the admin key.</summary>
    public HttpClient Client(ClusterNode master)
    {
        var client = new HttpClient { BaseAddress = new Uri(master.Url), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        return client;
    }

    /// <summary>Creates and publishes a flow through a master; returns its id.</summary>
    /// <remarks>Each call publishes its own copy under a new id, so tests that share the cluster never share a definition.</remarks>
    public async Task<string> PublishAsync(string json, ClusterNode? through = null)
    {
        using var client = Client(through ?? Master1);
        var document = JsonNode.Parse(json)!.AsObject();
        var id = $"{document["definitionId"]!.GetValue<string>()}-{Guid.NewGuid():n}"[..^20];
        document["definitionId"] = id;
        (await client.PostAsJsonAsync("/api/workflows", document)).EnsureSuccessStatusCode();
        (await client.PostAsync($"/api/workflows/{id}/publish", null)).EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>What every node printed, for a failing test's message.</summary>
    public string Logs()
    {
        lock (_nodes) return string.Join("\n", _nodes.Select(n => $"===== {n.Name} (pid {n.ProcessId}) =====\n{Tail(n.Output)}"));
    }

    private static string Tail(string text) => string.Join('\n', text.Split('\n').TakeLast(40));

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes) await node.DisposeAsync();
        // ELSAFLOW_CLUSTER_LOGS=DIR keeps every node's whole output there, for a failure the tails do not explain.
        if (Environment.GetEnvironmentVariable("ELSAFLOW_CLUSTER_LOGS") is { Length: > 0 } keep)
        {
            Directory.CreateDirectory(keep);
            foreach (var node in _nodes) await File.AppendAllTextAsync(Path.Combine(keep, $"{node.Name}.log"), node.Output);
        }
        await Broker.DisposeAsync();
        await _mariaDb.DisposeAsync();
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { /* a killed node may still hold a file for a moment */ }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Cluster";
}
