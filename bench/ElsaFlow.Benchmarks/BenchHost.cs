using ElsaFlow.Engine;
using ElsaFlow.Engine.Descriptors;
using ElsaFlow.Engine.Loading;
using ElsaFlow.Engine.Model;
using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Store;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaFlow.Benchmarks;

/// <summary>An engine wired the way a host wires it (AddElsaFlowEngine) over a given store, with no observers (nothing prints).</summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public BenchHost(IWorkflowStore store, CommitPolicy policy)
    {
        Store = store;
        _services = new ServiceCollection()
            .AddSingleton(store)
            .AddElsaFlowEngine(o => o.Runtime = new RuntimeOptions { CommitPolicy = policy })
            .BuildServiceProvider();
        Runtime = _services.GetRequiredService<WorkflowRuntime>();
    }

    public IWorkflowStore Store { get; }
    public IServiceProvider Services => _services;
    public WorkflowRuntime Runtime { get; }

    public WorkflowDefinition Parse(string json)
    {
        var result = new FlowLoader(_services.GetRequiredService<ActivityRegistry>()).Parse(json, FlowFormat.Json, "bench.json");
        if (!result.IsValid) throw new InvalidOperationException(string.Join(Environment.NewLine, result.Problems));
        return result.Definition!;
    }

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        await _services.DisposeAsync();
        if (Store is IDisposable disposable) disposable.Dispose();
    }
}
