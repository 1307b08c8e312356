using ElsaFlow.Persistence.Retention;
using ElsaFlow.Persistence;
namespace ElsaFlow.Server.Hosting;

/// <summary>The "ElsaFlow" configuration section: where the server keeps its state and which folders flows may use.</summary>
public sealed class ServerOptions
{
    public const string Section = "ElsaFlow";

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

    /// <summary>How often the cron scheduler looks for due occurrences.</summary>
    public TimeSpan SchedulerInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Most instances Running or Suspended at once through server starts; further starts wait for a slot. 0: no cap.</summary>
    public int MaxRunningInstances { get; set; }

    public string DataFolderPath => Path.GetFullPath(DataFolder);
    public string DatabasePath => Path.Combine(DataFolderPath, "elsaflow.db");

    /// <summary>Another store than the embedded SQLite file: {"Provider": "MySql" | "Postgres" | "Mongo", "ConnectionString": "..."}.</summary>
    public StoreOptions? Store { get; set; }

    /// <summary>How long ended instances are kept (ElsaFlow:Retention:MaxAge, default 30 days; see RetentionOptions).</summary>
    public RetentionOptions Retention { get; set; } = new();

    /// <summary>The largest request body accepted, in bytes (flow documents, payloads, trigger requests).</summary>
    public long MaxRequestBodySize { get; set; } = 10 * 1024 * 1024;

    /// <summary>How often retention looks for expired instances.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);
    public string WorkspaceFolder => Path.Combine(DataFolderPath, "workspaces");
    /// <summary>Where servers before the keys moved into the store kept them; imported once (see ApiKeyFileImport).</summary>
    public string ApiKeysPath => Path.Combine(DataFolderPath, "api-keys.json");
    public string LogFolder => Path.Combine(DataFolderPath, "logs");

    public IReadOnlyList<string> EffectiveDataRoots => DataRoots.Count == 0 ? [Directory.GetCurrentDirectory()] : DataRoots.Select(Path.GetFullPath).ToList();
}
