using ElsaFlow.Engine.Store;
using ElsaFlow.Persistence.Retention;
using MongoDB.Driver;

namespace ElsaFlow.Persistence.MongoDb;

/// <summary>
/// The store on MongoDB, without multi-document transactions (a standalone server has none). How a commit stays
/// atomic enough:
/// <list type="bullet">
/// <item>the instance document embeds its bookmarks, so the state, revision and bookmark set change in one
/// single-document update filtered on the expected revision (an insert at revision 0 fails on the duplicate _id);</item>
/// <item>journal and log lines go to their own collections after that update, with a unique (InstanceId, Sequence)
/// index and unordered inserts that ignore duplicates, so writing them twice is harmless. A process that dies between
/// the two writes loses those lines, never the instance state; a conflicting commit writes nothing;</item>
/// <item>a bookmark id that moves over from another instance is pulled from that instance after the commit;</item>
/// <item>the inbox entries a commit consumed are deleted after that update too. A process that dies in between leaves
/// them, and the next runner applies them again: the orchestrator ignores an answer for an execution it no longer awaits,
/// and its next commit deletes them. A commit refused by the revision or the lease deletes nothing.</item>
/// </list>
/// The update is also filtered on the lease: no other node may hold it (fencing, as in the other stores).
/// Leases are conditional updates of the lease fields. The concerns are split into partial files.
/// </summary>
public sealed partial class MongoDbWorkflowStore : IWorkflowStore, IInstanceInbox, IWorkerRegistry, IInstanceRetentionStore, IDisposable
{
    public const string DefaultDatabaseName = "elsaflow";

    private readonly MongoClient _client;
    private readonly IMongoCollection<MongoDefinitionDocument> _definitions;
    private readonly IMongoCollection<MongoInstanceDocument> _instances;
    private readonly IMongoCollection<MongoJournalDocument> _journal;
    private readonly IMongoCollection<MongoLogDocument> _logs;
    private readonly IMongoCollection<MongoInboxDocument> _inbox;
    private readonly IMongoCollection<MongoWorkerDocument> _workers;

    private MongoDbWorkflowStore(MongoClient client, IMongoDatabase database)
    {
        _client = client;
        _definitions = database.GetCollection<MongoDefinitionDocument>("definitions");
        _instances = database.GetCollection<MongoInstanceDocument>("instances");
        _journal = database.GetCollection<MongoJournalDocument>("journal");
        _logs = database.GetCollection<MongoLogDocument>("logs");
        _inbox = database.GetCollection<MongoInboxDocument>("instance_inbox");
        _workers = database.GetCollection<MongoWorkerDocument>("workers");
    }

    /// <summary>The database this store writes to.</summary>
    public IMongoDatabase Database => _instances.Database;

    /// <summary>
    /// Opens the store on the database named in the connection string (mongodb://host/database), "elsaflow" when it
    /// names none, and creates the indexes.
    /// </summary>
    public static MongoDbWorkflowStore Create(string connectionString, string? databaseName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var url = MongoUrl.Create(connectionString);
        var client = new MongoClient(url);
        var store = new MongoDbWorkflowStore(client, client.GetDatabase(databaseName ?? url.DatabaseName ?? DefaultDatabaseName));
        store.CreateIndexes();
        return store;
    }

    public void Dispose() => _client.Dispose();

    private void CreateIndexes()
    {
        _definitions.Indexes.CreateMany(
        [
            new CreateIndexModel<MongoDefinitionDocument>(Builders<MongoDefinitionDocument>.IndexKeys.Ascending(d => d.DefinitionId).Ascending(d => d.Version), new CreateIndexOptions { Unique = true }),
            new CreateIndexModel<MongoDefinitionDocument>(Builders<MongoDefinitionDocument>.IndexKeys.Ascending(d => d.IsLatest).Ascending(d => d.DefinitionId)),
        ]);
        var instance = Builders<MongoInstanceDocument>.IndexKeys;
        _instances.Indexes.CreateMany(
        [
            new CreateIndexModel<MongoInstanceDocument>(instance.Ascending(i => i.Status).Ascending(i => i.EndedAt)),
            new CreateIndexModel<MongoInstanceDocument>(instance.Ascending(i => i.DefinitionId).Ascending(i => i.DefinitionVersion)),
            new CreateIndexModel<MongoInstanceDocument>(instance.Ascending(i => i.CorrelationId)),
            new CreateIndexModel<MongoInstanceDocument>(instance.Ascending(i => i.ParentInstanceId)),
            new CreateIndexModel<MongoInstanceDocument>(instance.Descending(i => i.CreatedAt).Descending(i => i.Id)),
            new CreateIndexModel<MongoInstanceDocument>(instance.Ascending("Bookmarks.BookmarkId")),
            new CreateIndexModel<MongoInstanceDocument>(instance.Ascending("Bookmarks.Name").Ascending("Bookmarks.MatchKey")),
            new CreateIndexModel<MongoInstanceDocument>(instance.Ascending("Bookmarks.ResumeAt")),
        ]);
        _journal.Indexes.CreateOne(new CreateIndexModel<MongoJournalDocument>(
            Builders<MongoJournalDocument>.IndexKeys.Ascending(j => j.InstanceId).Ascending(j => j.Sequence), new CreateIndexOptions { Unique = true }));
        _logs.Indexes.CreateOne(new CreateIndexModel<MongoLogDocument>(
            Builders<MongoLogDocument>.IndexKeys.Ascending(l => l.InstanceId).Ascending(l => l.Sequence), new CreateIndexOptions { Unique = true }));
        _inbox.Indexes.CreateOne(new CreateIndexModel<MongoInboxDocument>(
            Builders<MongoInboxDocument>.IndexKeys.Ascending(e => e.InstanceId).Ascending(e => e.EntryId), new CreateIndexOptions { Unique = true }));
        _workers.Indexes.CreateOne(new CreateIndexModel<MongoWorkerDocument>(Builders<MongoWorkerDocument>.IndexKeys.Ascending(w => w.LastSeen)));
    }
}
