using Microsoft.Extensions.Hosting;
using System.Text.Json.Serialization;
using ElsaFlow.Activities;
using ElsaFlow.Cluster;
using ElsaFlow.Engine;
using ElsaFlow.Persistence;
using ElsaFlow.Persistence.Sqlite;
using ElsaFlow.Server.Api;
using ElsaFlow.Server.Auth;
using ElsaFlow.Server.Live;
using ElsaFlow.Server.Observability;
using ElsaFlow.Server.HotReload;
using ElsaFlow.Server.Scheduling;
using ElsaFlow.Server.Triggers;
using ElsaFlow.Server.Workflows;
using ElsaFlow.Activities.Http;
using ElsaFlow.Engine.Runtime;
using ElsaFlow.Server.Admission;
using ElsaFlow.Server.Connections;

namespace ElsaFlow.Server.Hosting;

/// <summary>
/// Wires a node: SQLite store under the data folder (or the configured one), engine + data plugins, the cluster bus,
/// and (unless the node is a worker) the API with keys, JSON, OpenAPI, problem details, triggers and schedules.
/// </summary>
public static class ServerServiceCollectionExtensions
{
    public static IServiceCollection AddElsaFlowServer(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ServerOptions.Section).Get<ServerOptions>() ?? new ServerOptions();
        services.AddSingleton(options);

        Directory.CreateDirectory(options.DataFolderPath);
        // SQLite in the data folder unless ElsaFlow:Store names another provider (MySql, Postgres, Mongo) and its connection string.
        if (options.Store is { ConnectionString.Length: > 0 } store) services.AddElsaFlowStore(store);
        else services.AddElsaFlowSqliteStore(SqliteWorkflowStore.ConnectionStringFor(options.DatabasePath));
        services.AddElsaFlowConnections(options);
        services.AddElsaFlowEngine(engine =>
        {
            engine.Runtime.LeaseDuration = options.LeaseDuration;
            engine.Expressions = options.Expressions;
            engine.PluginsFolder = options.EffectivePluginsFolder;
            engine.Flows = options.Flows;
            services.AddElsaFlowActivities(engine, data =>
            {
                data.WorkspaceFolder = options.WorkspaceFolder;
                data.MemoryLimit = options.Data.MemoryLimit;
                data.Roots = options.EffectiveDataRoots.ToList();
                // The data folder lies inside the default root (the current folder), and flows must never reach the store, the keys or the logs.
                // A plugins folder is not written by flows either: its assemblies are loaded by the next start.
                // The key ring too, wherever it is configured: with it and the store a flow could decrypt every connection.
                data.Excluded = [options.DataFolderPath, options.WorkspaceFolder, options.LogFolder, options.KeyRingFolder,
                    .. options.EffectivePluginsFolder is { } plugins ? [plugins] : Array.Empty<string>()];
                // Flows reach shared datasets through tokens only, never as files (they would see other instances' data).
                if (options.Datasets.Shared.Length > 0)
                {
                    data.SharedDatasets = Path.GetFullPath(options.Datasets.Shared);
                    data.Excluded.Add(data.SharedDatasets);
                }
            });
            services.AddElsaFlowCluster(engine, options.ClusterOptions());
        });
        // A stopping node drains (see ClusterOptions.DrainTimeout): the host waits for that, plus time for the last answers.
        services.Configure<HostOptions>(host => host.ShutdownTimeout = options.Worker.DrainTimeout + TimeSpan.FromSeconds(15));
        services.AddElsaFlowLogging(configuration, options);
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            // Request bodies follow the flow files' rules: a key given twice is refused, nesting is bounded.
            json.SerializerOptions.AllowDuplicateProperties = false;
            json.SerializerOptions.Converters.Add(new StrictJsonObjectConverter());
            json.SerializerOptions.MaxDepth = options.Flows.MaxDepth;
        });
        services.AddProblemDetails();
        // A worker runs activities and nothing else: no API, no orchestration, no schedules.
        if (options.Role == ClusterRole.Worker) return services;
        services.AddElsaFlowLiveUpdates();
        services.AddSingleton<InstanceAdmission>();
        services.AddSingleton<IWorkflowObserver>(sp => sp.GetRequiredService<InstanceAdmission>());
        services.AddSingleton<WorkflowDefinitions>();
        services.AddSingleton<HttpResponseChannel>();
        services.AddSingleton<IHttpResponseChannel>(sp => sp.GetRequiredService<HttpResponseChannel>());
        services.AddSingleton<HttpTriggerRoutes>();
        services.AddSingleton<WorkflowFiles>();
        services.AddHostedService<WorkflowFolderWatcher>();
        services.AddHostedService<RetentionHostedService>();
        services.AddSingleton<CronSchedules>();
        services.AddHostedService<CronScheduler>();
        services.AddHostedService<LeaseSweepService>();

        services.AddSingleton<IApiKeyStore, StoreApiKeyStore>();
        services.AddSingleton<ApiKeyFileImport>();
        services.AddHostedService<AdminKeyBootstrap>();
        services.AddApiKeyAuthentication();

        services.AddExceptionHandler<RuntimeExceptionHandler>();
        services.AddOpenApi(openApi => openApi.AddDocumentTransformer<ApiKeyDocumentTransformer>());
        return services;
    }
}
