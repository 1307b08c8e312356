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

    private DataContext(ActivityContext activity, DataWorkspace workspace, DataRoots roots)
    {
        Activity = activity;
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
        var workspace = await workspaces.OpenAsync(activity.InstanceId, activity.CancellationToken);
        return new DataContext(activity, workspace, roots);
    }

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
    public IReadOnlyList<(string Source, Dataset Dataset)> Inputs()
    {
        var tokens = Activity.IncomingTokens.Count > 0
            ? Activity.IncomingTokens.Select(t => (Source: t.SourceActivity ?? "input", Dataset: Dataset.FromToken(t.Value)))
            : [(Source: "input", Dataset: Dataset.FromToken(Activity.Incoming))];
        return tokens.Where(t => t.Dataset is not null).Select(t => (t.Source, t.Dataset!)).ToList();
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

    public ValueTask DisposeAsync() => Workspace.DisposeAsync();

    private static string Shorten(string text) => text.Length > 80 ? text[..77] + "..." : text;
}
