using System.Text.Json.Nodes;
using ElsaFlow.Engine.Activities;
using ElsaFlow.Engine.Descriptors;
using ElsaFlow.Engine.Dispatch;
using ElsaFlow.Engine.Expressions;
using ElsaFlow.Engine.Loading;
using ElsaFlow.Engine.Messages;
using ElsaFlow.Engine.Model;
using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Engine.Tests.Support;

/// <summary>A runtime over an in-memory (or given) store with the engine's and the test activities registered.</summary>
public sealed class EngineHarness : IAsyncDisposable
{
    public EngineHarness(IWorkflowStore? store = null, RuntimeOptions? options = null, TimeProvider? time = null, Action<ActivityRegistry>? configure = null,
        IActivityDispatcher? dispatcher = null, IOwnerChannel? owners = null)
    {
        Store = store ?? new InMemoryWorkflowStore();
        Registry = new ActivityRegistry().RegisterAssembly(typeof(Flowchart).Assembly)
            .Register<Flaky>().Register<BarrierActivity>().Register<Emit>().Register<Gate>().Register<SplitParity>().Register<AskEmit>();
        configure?.Invoke(Registry);
        Time = time ?? TimeProvider.System;
        dispatcher ??= new InProcessActivityDispatcher(new ActivityExecutor(Registry, EmptyServices.Instance, Time));
        Reader = new FlowDefinitionReader(Registry);
        Runtime = new WorkflowRuntime(Store, Registry, Reader, new ExpressionEngineFactory(), dispatcher,
            options ?? new RuntimeOptions { LeaseDuration = TimeSpan.FromSeconds(2) }, Time, observers: [Observer], owners: owners);
    }

    public FlowDefinitionReader Reader { get; }
    public IWorkflowStore Store { get; }
    public ActivityRegistry Registry { get; }
    public TimeProvider Time { get; }
    public WorkflowRuntime Runtime { get; }
    public RecordingObserver Observer { get; } = new();

    public Task<WorkflowRunResult> RunAsync(string json, JsonObject? inputs = null) =>
        Runtime.RunAsync(new StartWorkflowRequest { Definition = Parse(json), Inputs = inputs ?? new JsonObject() })
            .WaitAsync(TimeSpan.FromSeconds(60));

    /// <summary>Reads a flow in the native JSON format; an invalid flow fails the test with every problem.</summary>
    public WorkflowDefinition Parse(string json)
    {
        var result = new FlowLoader(Registry).Parse(json, FlowFormat.Json, "test.json");
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        return result.Definition!;
    }

    /// <summary>Reads a flow file in the format its extension names; an invalid flow fails the test with every problem.</summary>
    public WorkflowDefinition LoadFile(string path)
    {
        var result = new FlowLoader(Registry).LoadFile(path);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        return result.Definition!;
    }

    /// <summary>Runs a flow file until it settles (ends, or waits on something from outside).</summary>
    public Task<WorkflowRunResult> RunFileAsync(string path, JsonObject? inputs = null) =>
        Runtime.RunAsync(new StartWorkflowRequest { Definition = LoadFile(path), Inputs = inputs ?? new JsonObject() })
            .WaitAsync(TimeSpan.FromSeconds(60));

    /// <summary>Activity ids in the order they completed.</summary>
    public async Task<List<string>> CompletedAsync(string instanceId) =>
        (await Store.GetJournalAsync(instanceId)).Where(e => e.Kind == JournalKind.ActivityCompleted).Select(e => e.ActivityId!).ToList();

    public ValueTask DisposeAsync() => Runtime.DisposeAsync();

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();
        public object? GetService(Type serviceType) => null;
    }
}

/// <summary>Collects log lines as the runtime reports them.</summary>
public sealed class RecordingObserver : IWorkflowObserver
{
    public System.Collections.Concurrent.ConcurrentQueue<LogEntry> Logs { get; } = new();
    public void OnLog(LogEntry entry) => Logs.Enqueue(entry);
}
