using System.Text.Json.Nodes;
using ElsaFlow.Data;
using ElsaFlow.Data.Workspace;
using ElsaFlow.Engine;
using ElsaFlow.Engine.Loading;
using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Store;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaFlow.Activities.Tests.Support;

/// <summary>
/// Runs flows with every data plugin against a real DuckDB workspace, in a temporary data root that is deleted
/// afterwards. Files for a test are written into <see cref="Root"/>; relative paths in flows resolve against it.
/// </summary>
public sealed class DataHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    /// <param name="sharedDatasets">Run as a cluster node does: results go to a shared dataset store in this folder under the root.</param>
    /// <param name="memoryLimit">ElsaFlow:Data:MemoryLimit for the workspaces (512MB...); null: DuckDB's default.</param>
    /// <param name="services">More services, registered first (a connection catalog...).</param>
    public DataHarness(string? sharedDatasets = null, string? memoryLimit = null, Action<IServiceCollection>? services = null)
    {
        Root = Directory.CreateTempSubdirectory("elsaflow-data").FullName;
        var collection = new ServiceCollection();
        services?.Invoke(collection);
        var engine = new EngineOptions { Runtime = { LeaseDuration = TimeSpan.FromSeconds(5) } };
        collection.AddElsaFlowActivities(engine, data =>
        {
            data.WorkspaceFolder = Path.Combine(Root, ".workspaces");
            data.Roots = [Root];
            data.Excluded = [StateFolder];
            if (sharedDatasets is not null) data.SharedDatasets = Path.Combine(Root, sharedDatasets);
            if (memoryLimit is not null) data.MemoryLimit = memoryLimit;
        });
        collection.AddElsaFlowEngine(o =>
        {
            o.Runtime = engine.Runtime;
            o.ActivityAssemblies.AddRange(engine.ActivityAssemblies);
        });
        _services = collection.BuildServiceProvider();
        Runtime = _services.GetRequiredService<WorkflowRuntime>();
    }

    public string Root { get; }

    /// <summary>A state folder inside the root, as the command line has it (./.elsaflow): flows may not use it.</summary>
    public string StateFolder => Path.Combine(Root, ".elsaflow");
    public WorkflowRuntime Runtime { get; }
    public IWorkflowStore Store => Runtime.Store;
    public DataWorkspaces Workspaces => _services.GetRequiredService<DataWorkspaces>();
    public ElsaFlow.Activities.Preview.ActivityPreviewer Previewer => _services.GetRequiredService<ElsaFlow.Activities.Preview.ActivityPreviewer>();

    /// <summary>Writes a file under the data root and returns its relative path.</summary>
    public string WriteFile(string relativePath, string content)
    {
        var full = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return relativePath;
    }

    public string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    /// <summary>Loads (must be valid) and runs a flow written in the native JSON format.</summary>
    public async Task<WorkflowRunResult> RunAsync(string json, JsonObject? inputs = null)
    {
        var loaded = _services.GetRequiredService<FlowLoader>().Parse(json, FlowFormat.Json, "test.json");
        Assert.True(loaded.IsValid, string.Join(Environment.NewLine, loaded.Problems));
        return await Runtime.RunAsync(new StartWorkflowRequest { Definition = loaded.Definition, Inputs = inputs ?? new JsonObject() })
            .WaitAsync(TimeSpan.FromSeconds(120));
    }

    /// <summary>Loads a flow file with <see cref="FlowLoader.LoadFile"/> (any format; its SourcePath is set, so relative SubFlow paths work).</summary>
    public FlowLoadResult LoadFile(string path) => _services.GetRequiredService<FlowLoader>().LoadFile(path);

    /// <summary>Loads (must be valid) and runs a flow file.</summary>
    public async Task<WorkflowRunResult> RunFileAsync(string path, JsonObject? inputs = null)
    {
        var loaded = LoadFile(path);
        Assert.True(loaded.IsValid, string.Join(Environment.NewLine, loaded.Problems));
        return await Runtime.RunAsync(new StartWorkflowRequest { Definition = loaded.Definition, Inputs = inputs ?? new JsonObject() })
            .WaitAsync(TimeSpan.FromSeconds(120));
    }

    /// <summary>Runs a flow as a preview up to <paramref name="activityId"/> on the first <paramref name="rows"/> rows: outputs write nothing.</summary>
    public async Task<WorkflowRunResult> PreviewAsync(string json, string activityId, int rows = 100)
    {
        var loaded = _services.GetRequiredService<FlowLoader>().Parse(json, FlowFormat.Json, "test.json");
        Assert.True(loaded.IsValid, string.Join(Environment.NewLine, loaded.Problems));
        return await Runtime.RunAsync(new StartWorkflowRequest { Definition = loaded.Definition, PreviewActivityId = activityId, PreviewRows = rows })
            .WaitAsync(TimeSpan.FromSeconds(120));
    }

    /// <summary>The log lines an activity wrote.</summary>
    public async Task<List<string>> LogsAsync(WorkflowRunResult result, string activityId) =>
        (await Store.GetLogsAsync(result.InstanceId)).Where(l => l.ActivityId == activityId).Select(l => l.Message).ToList();

    /// <summary>Problems the loader finds in a flow (for bad-input tests).</summary>
    public IReadOnlyList<string> Problems(string json) =>
        _services.GetRequiredService<FlowLoader>().Parse(json, FlowFormat.Json, "test.json").Problems.Select(p => p.ToString()).ToList();

    /// <summary>The dataset an activity produced on a port (its last token).</summary>
    public async Task<Dataset> DatasetAsync(WorkflowRunResult result, string activityId)
    {
        var record = await Store.GetInstanceAsync(result.InstanceId);
        var state = WorkflowStateSerializer.Deserialize(record!.StateJson);
        return Dataset.FromToken(state.ActivityOutputs.GetValueOrDefault(activityId))
            ?? throw new InvalidOperationException($"activity '{activityId}' produced no dataset");
    }

    /// <summary>Every row an activity produced, in the relation's order.</summary>
    public async Task<List<JsonObject>> RowsAsync(WorkflowRunResult result, string activityId)
    {
        var dataset = await DatasetAsync(result, activityId);
        await using var workspace = await Workspaces.OpenAsync(result.InstanceId);
        return await workspace.QueryAsync($"SELECT * FROM \"{dataset.Relation}\"");
    }

    /// <summary>Rows of a dataset token that arrived in a variable or output (ports other than Done).</summary>
    public async Task<List<JsonObject>> RowsAsync(string instanceId, Dataset dataset)
    {
        await using var workspace = await Workspaces.OpenAsync(instanceId);
        return await workspace.QueryAsync($"SELECT * FROM \"{dataset.Relation}\"");
    }

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        await _services.DisposeAsync();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
