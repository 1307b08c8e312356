using ElsaFlow.Engine.Store;
using ElsaFlow.Persistence.EntityFramework;
using ElsaFlow.Persistence.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaFlow.Persistence;

/// <summary>Wires the ElsaFlow stores into a service collection.</summary>
public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers the SQLite store as the <see cref="IWorkflowStore"/> singleton; migrations are applied when it is first
    /// resolved. Schedule claims (<see cref="IScheduleStore"/>), API keys (<see cref="IApiKeyRecordStore"/>), named
    /// connections (<see cref="IConnectionRecordStore"/>), the inbox
    /// (<see cref="IInstanceInbox"/>) and the worker registry (<see cref="IWorkerRegistry"/>) share its database.
    /// </summary>
    public static IServiceCollection AddElsaFlowSqliteStore(this IServiceCollection services, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        services.AddSingleton(_ => SqliteWorkflowStore.Create(connectionString));
        services.AddSingleton<IWorkflowStore>(sp => sp.GetRequiredService<EfWorkflowStore>());
        services.AddSingleton<IScheduleStore>(sp => new EfScheduleStore(sp.GetRequiredService<EfWorkflowStore>().CreateContext));
        services.AddSingleton<IApiKeyRecordStore>(sp => new EfApiKeyRecordStore(sp.GetRequiredService<EfWorkflowStore>().CreateContext));
        services.AddSingleton<IConnectionRecordStore>(sp => new EfConnectionRecordStore(sp.GetRequiredService<EfWorkflowStore>().CreateContext));
        AddClusterTables(services);
        return services;
    }

    /// <summary>
    /// Registers the store chosen by <paramref name="options"/> as the <see cref="IWorkflowStore"/> singleton; it is
    /// opened (migrated) when first resolved and disposed with the container.
    /// </summary>
    public static IServiceCollection AddElsaFlowStore(this IServiceCollection services, StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(_ => WorkflowStores.Open(options));
        // Schedule claims live in the same database, so two nodes on one database fire an occurrence once.
        if (options.Provider != StoreProvider.Mongo)
            services.AddSingleton<IScheduleStore>(sp => new EfScheduleStore(((EfWorkflowStore)sp.GetRequiredService<IWorkflowStore>()).CreateContext));
        // API keys too: a key made or deleted on one node counts on every node.
        services.AddSingleton(sp => WorkflowStores.ApiKeys(sp.GetRequiredService<IWorkflowStore>()));
        // And named connections, so a connection made on one node is found by the activities of every node.
        services.AddSingleton(sp => WorkflowStores.Connections(sp.GetRequiredService<IWorkflowStore>()));
        AddClusterTables(services);
        return services;
    }

    /// <summary>
    /// The instances' inbox and the worker registry are the store's own tables: an answer kept by one node is read by
    /// the owner on another, and every node lists the same workers. The engine's in-memory defaults (added with TryAdd)
    /// would keep each process to itself.
    /// </summary>
    private static void AddClusterTables(IServiceCollection services)
    {
        services.AddSingleton(sp => (IInstanceInbox)sp.GetRequiredService<IWorkflowStore>());
        services.AddSingleton(sp => (IWorkerRegistry)sp.GetRequiredService<IWorkflowStore>());
    }
}
