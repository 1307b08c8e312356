using System.Reflection;
using ElsaFlow.Engine.Activities;
using ElsaFlow.Engine.Descriptors;
using ElsaFlow.Engine.Dispatch;
using ElsaFlow.Engine.Expressions;
using ElsaFlow.Engine.Loading;
using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Secrets;
using ElsaFlow.Engine.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ElsaFlow.Engine;

/// <summary>Wires the engine: registry (control activities, given assemblies, plugins folder), expressions, dispatcher and runtime.</summary>
public static class EngineServiceCollectionExtensions
{
    public static IServiceCollection AddElsaFlowEngine(this IServiceCollection services, Action<EngineOptions>? configure = null)
    {
        var options = new EngineOptions();
        configure?.Invoke(options);
        services.AddSingleton(options);
        services.AddSingleton(options.Runtime);
        services.AddSingleton(options.Expressions);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IIdGenerator, RandomIdGenerator>();
        services.TryAddSingleton<IWorkflowStore, InMemoryWorkflowStore>();
        services.TryAddSingleton<IScheduleStore, InMemoryScheduleStore>();
        services.TryAddSingleton<IWorkerRegistry, InMemoryWorkerRegistry>();
        services.TryAddSingleton<IApiKeyRecordStore, InMemoryApiKeyRecordStore>();
        services.TryAddSingleton<IConnectionRecordStore, InMemoryConnectionRecordStore>();
        services.AddSingleton(_ => CreateRegistry(options));
        services.AddSingleton<IExpressionEngineFactory>(sp => new ExpressionEngineFactory(sp.GetRequiredService<ExpressionOptions>()));
        services.AddSingleton<IDefinitionReader>(sp => new FlowDefinitionReader(sp.GetRequiredService<ActivityRegistry>(), options.Flows));
        services.AddSingleton(sp => new InstanceSecrets(sp.GetRequiredService<IWorkflowStore>(), sp.GetRequiredService<ActivityRegistry>(), sp.GetRequiredService<IDefinitionReader>(),
            sp.GetRequiredService<KnownSecrets>()));
        services.AddSingleton(sp => new FlowLoader(sp.GetRequiredService<ActivityRegistry>(), options.Flows));
        services.TryAddSingleton<KnownSecrets>();
        services.AddSingleton(sp => new ActivityExecutor(sp.GetRequiredService<ActivityRegistry>(), sp, sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<RuntimeOptions>().NodeId, sp.GetRequiredService<KnownSecrets>()));
        services.TryAddSingleton<IActivityDispatcher>(sp => new InProcessActivityDispatcher(sp.GetRequiredService<ActivityExecutor>()));
        services.AddSingleton(sp => new WorkflowRuntime(
            sp.GetRequiredService<IWorkflowStore>(), sp.GetRequiredService<ActivityRegistry>(), sp.GetRequiredService<IDefinitionReader>(),
            sp.GetRequiredService<IExpressionEngineFactory>(), sp.GetRequiredService<IActivityDispatcher>(), sp.GetRequiredService<RuntimeOptions>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IIdGenerator>(), sp.GetServices<IWorkflowObserver>(),
            sp.GetService<IInstanceInbox>(), sp.GetService<IOwnerChannel>(), sp.GetService<IFlowFilePolicy>()));
        return services;
    }

    private static ActivityRegistry CreateRegistry(EngineOptions options)
    {
        var registry = new ActivityRegistry().RegisterAssembly(typeof(Flowchart).Assembly);
        foreach (var assembly in options.ActivityAssemblies) registry.RegisterAssembly(assembly);
        foreach (var type in options.ActivityTypes) registry.Register(type);
        if (options.PluginsFolder is { } folder) registry.LoadPlugins(folder);
        return registry;
    }
}

/// <summary>What the engine is built from.</summary>
public sealed class EngineOptions
{
    public RuntimeOptions Runtime { get; set; } = new();
    public ExpressionOptions Expressions { get; set; } = ExpressionOptions.Default;

    /// <summary>Size limits of flow documents: activities per flow, nesting, characters ("ElsaFlow:Flows").</summary>
    public FlowLimits Flows { get; set; } = new();

    /// <summary>Assemblies whose activity classes are registered (the data plugins, a host's own activities).</summary>
    public List<Assembly> ActivityAssemblies { get; } = [];

    /// <summary>Single activity types to register.</summary>
    public List<Type> ActivityTypes { get; } = [];

    /// <summary>A folder whose assemblies are loaded as activity plugins; missing is fine.</summary>
    public string? PluginsFolder { get; set; }
}
