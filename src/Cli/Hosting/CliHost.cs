using System.CommandLine;
using ElsaFlow.Activities;
using ElsaFlow.Activities.Connections;
using ElsaFlow.Activities.Preview;
using ElsaFlow.Cli.Connections;
using ElsaFlow.Engine;
using ElsaFlow.Engine.Descriptors;
using ElsaFlow.Engine.Loading;
using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Secrets;
using ElsaFlow.Engine.Store;
using ElsaFlow.Persistence.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaFlow.Cli.Hosting;

/// <summary>The engine as one command uses it: registry with plugins, loader, and (when asked) the runtime over the SQLite store.</summary>
public sealed class CliHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly Task _warmUp;

    private CliHost(ServiceProvider services, CliSettings settings, Task warmUp)
    {
        _services = services;
        Settings = settings;
        _warmUp = warmUp;
    }

    public CliSettings Settings { get; }
    public ActivityRegistry Registry => _services.GetRequiredService<ActivityRegistry>();
    public FlowLoader Loader => _services.GetRequiredService<FlowLoader>();
    public WorkflowRuntime Runtime => _services.GetRequiredService<WorkflowRuntime>();
    public IWorkflowStore Store => _services.GetRequiredService<IWorkflowStore>();
    public ActivityPreviewer Previewer => _services.GetRequiredService<ActivityPreviewer>();
    public InstanceSecrets Secrets => _services.GetRequiredService<InstanceSecrets>();
    public IConnectionCatalog Connections => _services.GetRequiredService<IConnectionCatalog>();

    /// <summary>The Test connection probes the database clients registered, one per kind they speak.</summary>
    public IEnumerable<IConnectionProbe> Probes => _services.GetServices<IConnectionProbe>();

    /// <summary>
    /// Builds the engine; without <paramref name="openStore"/> nothing is written to disk (validate, activities). Commands
    /// that run an instance (<paramref name="runsInstance"/>) warm the store queries a run ends with (<see cref="StoreWarmUp"/>).
    /// Commands that run activities (<paramref name="usesConnections"/>) read the connections file.
    /// </summary>
    public static CliHost Create(ParseResult parse, bool openStore, IWorkflowObserver? observer = null, bool runsInstance = false, bool usesConnections = false)
    {
        var settings = CliSettings.From(parse);
        var services = new ServiceCollection();
        var warmUp = Task.CompletedTask;
        if (openStore)
        {
            var store = SqliteWorkflowStore.Open(settings.DatabasePath);
            services.AddSingleton<IWorkflowStore>(store);
            if (runsInstance) warmUp = StoreWarmUp.Start(store);
        }
        if (observer is not null) services.AddSingleton(observer);
        // Before the activities, whose NoConnections (added with TryAdd) must not win. Only commands that run activities read
        // the file, so a broken one fails them before anything starts and leaves validate, instances, journal... alone.
        if (usesConnections)
        {
            var connections = ConnectionsFile.Read(settings.ConnectionsPath, settings.DefaultConnectionsPath);
            services.AddSingleton<IConnectionCatalog>(sp => new FileConnectionCatalog(connections, sp.GetRequiredService<KnownSecrets>()));
        }
        var engine = new EngineOptions();
        // Data plugins: workspaces live beside the store; relative paths resolve against the folder the command runs in.
        // The state folder (./.elsaflow) and the plugins folder lie inside that root, and flows may use neither: a flow
        // must not read the store or drop an assembly that the next command would load.
        services.AddElsaFlowActivities(engine, data =>
        {
            data.WorkspaceFolder = Path.Combine(settings.StoreFolder, "workspaces");
            data.MemoryLimit = settings.MemoryLimit;
            data.Roots = [Directory.GetCurrentDirectory()];
            data.Excluded = [settings.StoreFolder, settings.PluginsFolder ?? Path.GetFullPath("plugins")];
        });
        services.AddElsaFlowEngine(options =>
        {
            options.Runtime.LeaseDuration = settings.LeaseDuration;
            options.PluginsFolder = settings.PluginsFolder;
            options.Flows.MaxActivities = settings.MaxActivities;
            options.ActivityAssemblies.AddRange(engine.ActivityAssemblies);
        });
        return new CliHost(services.BuildServiceProvider(), settings, warmUp);
    }

    /// <summary>Reads an instance or explains that it does not exist in this store.</summary>
    public async Task<InstanceRecord> GetInstanceAsync(string instanceId, CancellationToken ct) =>
        await Store.GetInstanceAsync(instanceId, ct)
        ?? throw CliException.Invalid($"no instance '{instanceId}' in the store {Settings.DatabasePath}");

    public async ValueTask DisposeAsync()
    {
        await _warmUp; // never faults; the store must outlive it
        await _services.DisposeAsync();
    }
}
