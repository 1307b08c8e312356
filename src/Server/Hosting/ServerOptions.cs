using ElsaFlow.Cluster;
using ElsaFlow.Engine.Expressions;
using ElsaFlow.Persistence;
using ElsaFlow.Persistence.Retention;
using ElsaFlow.Server.Connections;
namespace ElsaFlow.Server.Hosting;

/// <summary>The "ElsaFlow" configuration section: where the server keeps its state and which folders flows may use.</summary>
public sealed class ServerOptions
{
    public const string Section = "ElsaFlow";

    /// <summary>What this node does: all (API, orchestration and activities: the default), master, or worker (activities only, no API).</summary>
    public ClusterRole Role { get; set; } = ClusterRole.All;

    /// <summary>The message bus between nodes: ElsaFlow:Bus:RabbitMq names a broker; empty, none (one process).</summary>
    public BusOptions Bus { get; set; } = new();

    /// <summary>As a worker: the groups it takes pinned activities for, and how many activities it runs at once.</summary>
    public WorkerOptions Worker { get; set; } = new();

    /// <summary>How large a flow document may be: ElsaFlow:Flows:MaxActivities, MaxDepth, MaxDocumentChars.</summary>
    public ElsaFlow.Engine.Loading.FlowLimits Flows { get; set; } = new();

    /// <summary>Where the keys that encrypt named connections live (ElsaFlow:Connections:KeyRing).</summary>
    public ConnectionsOptions Connections { get; set; } = new();

    /// <summary>The data plane's limits (ElsaFlow:Data:MemoryLimit).</summary>
    public DataPlaneOptions Data { get; set; } = new();

    /// <summary>Where datasets go that another node needs (ElsaFlow:Datasets:Shared).</summary>
    public DatasetsOptions Datasets { get; set; } = new();

    /// <summary>
    /// Holds the SQLite store (elsaflow.db, API keys included), the instance workspaces (workspaces/) and the logs. It is
    /// never a data folder, even inside a data root: flows can neither read nor write it.
    /// </summary>
    public string DataFolder { get; set; } = ".elsaflow";

    /// <summary>Folders flows may read and write; relative paths in flows resolve against the first. Empty: the current folder.</summary>
    public List<string> DataRoots { get; set; } = [];

    /// <summary>How long POST .../execute waits for an instance to settle when no ?timeout= is given.</summary>
    public TimeSpan ExecuteTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>When set, a JSON {instanceId, definitionId, activityId, error} is POSTed here each time an instance faults.</summary>
    public string? FaultWebhookUrl { get; set; }

    /// <summary>How long the fault webhook may take before it is given up (and logged).</summary>
    public TimeSpan FaultWebhookTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a request to /workflows/{path} waits for HttpResponse before answering 202 with the instance id.</summary>
    public TimeSpan HttpTriggerTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Watched folder: each JSON/YAML/XML flow file in it is published (a change is a new version; a deleted file unpublishes). Empty: not watched.</summary>
    public string WorkflowsFolder { get; set; } = "workflows";

    /// <summary>How long an instance stays owned by a node that stops renewing it (because it died) before another node takes it over.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often every node looks for instances whose owner's lease expired, and for timers coming due.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A folder of activity plugin assemblies to load; empty: <c>plugins</c> in the current folder when it exists.</summary>
    public string PluginsFolder { get; set; } = "";

    /// <summary>How often the cron scheduler looks for due occurrences.</summary>
    public TimeSpan SchedulerInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Most instances Running or Suspended at once through server starts; further starts wait for a slot. 0: no cap.</summary>
    public int MaxRunningInstances { get; set; }

    public string DataFolderPath => Path.GetFullPath(DataFolder);

    public string? EffectivePluginsFolder => PluginsFolder.Length > 0 ? Path.GetFullPath(PluginsFolder)
        : Directory.Exists("plugins") ? Path.GetFullPath("plugins") : null;
    public string DatabasePath => Path.Combine(DataFolderPath, "elsaflow.db");

    /// <summary>Another store than the embedded SQLite file: {"Provider": "MySql" | "Postgres" | "Mongo", "ConnectionString": "..."}.</summary>
    public StoreOptions? Store { get; set; }

    /// <summary>How long ended instances are kept (ElsaFlow:Retention:MaxAge, default 30 days; see RetentionOptions).</summary>
    public RetentionOptions Retention { get; set; } = new();

    /// <summary>Sandbox limits of JavaScript and Liquid expressions (ElsaFlow:Expressions:Timeout, MemoryLimitBytes, LiquidMaxSteps...).</summary>
    public ExpressionOptions Expressions { get; set; } = new();

    /// <summary>The largest request body accepted, in bytes (flow documents, payloads, trigger requests).</summary>
    public long MaxRequestBodySize { get; set; } = 10 * 1024 * 1024;

    /// <summary>How often retention looks for expired instances.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);
    public string WorkspaceFolder => Path.Combine(DataFolderPath, "workspaces");
    /// <summary>Where servers before the keys moved into the store kept them; imported once (see ApiKeyFileImport).</summary>
    public string ApiKeysPath => Path.Combine(DataFolderPath, "api-keys.json");
    public string LogFolder => Path.Combine(DataFolderPath, "logs");

    /// <summary>The Data Protection key ring of the connections' secrets: ElsaFlow:Connections:KeyRing, else keys/ in the data folder.</summary>
    public string KeyRingFolder => Connections.KeyRing.Length > 0 ? Path.GetFullPath(Connections.KeyRing) : Path.Combine(DataFolderPath, "keys");

    /// <summary>This node's part in the cluster, from Role, Bus and Worker.</summary>
    public ClusterOptions ClusterOptions() => new()
    {
        Role = Role, Bus = Bus.RabbitMq, Groups = Worker.Groups, Concurrency = Worker.Concurrency, DrainTimeout = Worker.DrainTimeout,
        HeartbeatInterval = Bus.HeartbeatInterval, ExecutionHeartbeatTimeout = Bus.ExecutionHeartbeatTimeout
    };

    public IReadOnlyList<string> EffectiveDataRoots => DataRoots.Count == 0 ? [Directory.GetCurrentDirectory()] : DataRoots.Select(Path.GetFullPath).ToList();
}
