using System.Text.Json.Nodes;
using ElsaFlow.Data;
using ElsaFlow.Data.Paths;
using ElsaFlow.Data.Sql;
using ElsaFlow.Data.Workspace;
using ElsaFlow.Engine.ActivityModel;
using ElsaFlow.Engine.Model;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaFlow.Activities.Data;

/// <summary>What a data step sees: its inputs, the incoming datasets, the workspace, the data roots, and preview mode.</summary>
public sealed class DataContext : IAsyncDisposable
{
    private readonly List<string> _written = [];

    private readonly DataWorkspaces _workspaces;

    private DataContext(ActivityContext activity, DataWorkspaces workspaces, DataWorkspace workspace, DataRoots roots)
    {
        Activity = activity;
        _workspaces = workspaces;
        Workspace = workspace;
        Roots = roots;
    }

    public ActivityContext Activity { get; }
    public DataWorkspace Workspace { get; }
    public DataRoots Roots { get; }
    public string ActivityId => Activity.ActivityId;
    public CancellationToken CancellationToken => Activity.CancellationToken;

    /// <summary>A preview run: inputs read at most <see cref="PreviewRows"/> rows and outputs write nothing.</summary>
    public bool IsPreview => Activity.IsPreview;
    public int? PreviewRows => Activity.PreviewRows;

    public static async Task<DataContext> OpenAsync(ActivityContext activity)
    {
        var workspaces = activity.Services.GetRequiredService<DataWorkspaces>();
        var roots = activity.Services.GetRequiredService<DataRoots>();
        var workspace = await workspaces.OpenForStepAsync(activity.InstanceId, activity.ExecutionId, DatasetsReceived(activity), activity.CancellationToken);
        return new DataContext(activity, workspaces, workspace, roots);
    }

    /// <summary>Every dataset token the step was given: on its ports, and inside its inputs (ForEach hands one over that way).</summary>
    private static IEnumerable<Dataset> DatasetsReceived(ActivityContext activity)
    {
        var tokens = new List<JsonNode?> { activity.Incoming };
        tokens.AddRange(activity.IncomingTokens.Select(t => t.Value));
        tokens.Add(activity.Invocation.Inputs);
        var found = new Dictionary<string, Dataset>(StringComparer.Ordinal);
        foreach (var token in tokens) Collect(token, found);
        return found.Values;
    }

    private static void Collect(JsonNode? node, Dictionary<string, Dataset> found)
    {
        if (Dataset.FromToken(node) is { } dataset)
        {
            found.TryAdd(dataset.Relation, dataset);
            return;
        }
        switch (node)
        {
            case JsonObject o: foreach (var (_, child) in o) Collect(child, found); break;
            case JsonArray a: foreach (var child in a) Collect(child, found); break;
        }
    }

    /// <summary>In a cluster: writes a result to the shared dataset store (a result that came in as it is stays where it is).</summary>
    public async Task<Dataset> ShareAsync(Dataset dataset) =>
        _workspaces.Shared is { } shared && dataset.Store is null
            ? await shared.ExportAsync(Workspace, Activity.InstanceId, dataset, CancellationToken)
            : dataset;

    /// <summary>DuckDB's memory cap for this workspace (null: DuckDB's default), for errors that name it.</summary>
    public string? MemoryLimit => _workspaces.MemoryCap;

    /// <summary>True in a cluster: every result is written to the shared dataset store as the step ends.</summary>
    public bool SharesResults => _workspaces.Shared is not null;

    /// <summary>Rows the step's last COPY wrote (outputs): a count known for free, kept on the dataset they pass on.</summary>
    public long? RowsWritten { get; set; }

    public T Get<T>(Input<T> input) => Activity.Get(input);
    public bool Has(IInput input) => Activity.Has(input);

    /// <summary>The dataset that arrived on a port (In by default); a clear error when none did.</summary>
    public Dataset Input(string port = Ports.In)
    {
        var token = port == Ports.In && Activity.IncomingTokens.Count == 0
            ? Activity.Incoming
            : Activity.IncomingTokens.FirstOrDefault(t => t.TargetPort == port)?.Value;
        return Dataset.FromToken(token)
            ?? throw new DataStepException($"{port}: {ActivityId} needs a dataset on its {port} port, but {(token is null ? "nothing" : "'" + Shorten(token.ToJsonString()) + "'")} arrived; connect a data step to it");
    }

    /// <summary>Every dataset that arrived, known by the id of the activity that produced it.</summary>
    /// <remarks>A token that is a list of datasets (what a ForEach with collect gathers) counts as each of them, named SOURCE_1, SOURCE_2...</remarks>
    public IReadOnlyList<(string Source, Dataset Dataset)> Inputs()
    {
        var tokens = Activity.IncomingTokens.Count > 0
            ? Activity.IncomingTokens.Select(t => (Source: t.SourceActivity ?? "input", Token: t.Value))
            : [(Source: "input", Token: Activity.Incoming)];
        return tokens.SelectMany(Expand).ToList();
    }

    private static IEnumerable<(string Source, Dataset Dataset)> Expand((string Source, JsonNode? Token) input)
    {
        if (Dataset.FromToken(input.Token) is { } single) return [(input.Source, single)];
        if (input.Token is not JsonArray list) return [];
        return list.Select(Dataset.FromToken).Where(d => d is not null).Select((d, i) => ($"{input.Source}_{i + 1}", d!));
    }

    /// <summary>The relation name for this run's result: unique per execution, so loops and parallel branches never collide.</summary>
    public string Relation(string? suffix = null) => $"{ActivityId}__{Activity.ExecutionId}{(suffix is null ? "" : "_" + suffix)}";

    /// <summary>FROM clause text for a dataset.</summary>
    public static string From(Dataset dataset) => SqlText.Identifier(dataset.Relation);

    public Task<Dataset> ViewAsync(string select, string? suffix = null) => Workspace.CreateViewAsync(Relation(suffix), select, CancellationToken);

    public Task<Dataset> TableAsync(string select, string? suffix = null) => Workspace.CreateTableAsync(Relation(suffix), select, CancellationToken);

    /// <summary>A path of the flow resolved against the data roots: its real path; outside them, or in the state folder, it is refused.</summary>
    public string ResolvePath(string path, string field) => Roots.Resolve(path, field);

    /// <summary>The files this step wrote (real paths), in the order written; outputs report them as their <c>files</c> output.</summary>
    public IReadOnlyList<string> WrittenFiles => _written;

    /// <summary>Records a file this step wrote; a file is recorded once.</summary>
    public void Wrote(string realPath)
    {
        if (!_written.Contains(realPath)) _written.Add(realPath);
    }

    /// <summary>Rows a reader may take: all of them, or the preview's limit.</summary>
    public string LimitClause => PreviewRows is { } rows ? $" LIMIT {rows}" : "";

    public void Log(string message, string level = "Information") => Activity.Log(message, level);

    public async ValueTask DisposeAsync()
    {
        await Workspace.DisposeAsync();
        _workspaces.DeleteScratch(Workspace);
    }

    private static string Shorten(string text) => text.Length > 80 ? text[..77] + "..." : text;
}
