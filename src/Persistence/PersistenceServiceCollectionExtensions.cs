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
    /// resolved. Schedule claims (<see cref="IScheduleStore"/>) and API keys (<see cref="IApiKeyRecordStore"/>) share its database.
    /// </summary>
    public static IServiceCollection AddElsaFlowSqliteStore(this IServiceCollection services, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        services.AddSingleton(_ => SqliteWorkflowStore.Create(connectionString));
        services.AddSingleton<IWorkflowStore>(sp => sp.GetRequiredService<EfWorkflowStore>());
        services.AddSingleton<IScheduleStore>(sp => new EfScheduleStore(sp.GetRequiredService<EfWorkflowStore>().CreateContext));
        services.AddSingleton<IApiKeyRecordStore>(sp => new EfApiKeyRecordStore(sp.GetRequiredService<EfWorkflowStore>().CreateContext));
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
        return services;
    }
}
