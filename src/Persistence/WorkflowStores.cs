using ElsaFlow.Engine.Store;
using ElsaFlow.Persistence.EntityFramework;
using ElsaFlow.Persistence.MongoDb;
using ElsaFlow.Persistence.MySql;
using ElsaFlow.Persistence.Postgres;
using ElsaFlow.Persistence.Sqlite;

namespace ElsaFlow.Persistence;

/// <summary>Opens the store chosen by <see cref="StoreOptions"/>: brings its schema up to date and returns it ready to use.</summary>
public static class WorkflowStores
{
    /// <summary>
    /// The configured store. Relational stores are migrated first; MongoDB gets its indexes. The store is disposable
    /// (IDisposable/IAsyncDisposable): the caller owns it.
    /// </summary>
    public static IWorkflowStore Open(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            throw new ArgumentException($"Store provider {options.Provider} needs a connection string", nameof(options));
        return options.Provider switch
        {
            StoreProvider.Sqlite => SqliteWorkflowStore.Create(options.ConnectionString),
            StoreProvider.MySql => MySqlWorkflowStore.Create(options.ConnectionString),
            StoreProvider.Postgres => PostgresWorkflowStore.Create(options.ConnectionString),
            StoreProvider.Mongo => MongoDbWorkflowStore.Create(options.ConnectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown store provider"),
        };
    }

    /// <summary>The API keys kept in the database of <paramref name="store"/> (one opened by <see cref="Open"/>).</summary>
    public static IApiKeyRecordStore ApiKeys(IWorkflowStore store) => store switch
    {
        EfWorkflowStore ef => new EfApiKeyRecordStore(ef.CreateContext),
        MongoDbWorkflowStore mongo => new MongoDbApiKeyRecordStore(mongo.Database),
        _ => throw new ArgumentException($"the store {store.GetType().Name} keeps no API keys", nameof(store)),
    };

    /// <summary>The named connections kept in the database of <paramref name="store"/> (one opened by <see cref="Open"/>).</summary>
    public static IConnectionRecordStore Connections(IWorkflowStore store) => store switch
    {
        EfWorkflowStore ef => new EfConnectionRecordStore(ef.CreateContext),
        MongoDbWorkflowStore mongo => new MongoDbConnectionRecordStore(mongo.Database),
        _ => throw new ArgumentException($"the store {store.GetType().Name} keeps no connections", nameof(store)),
    };
}
