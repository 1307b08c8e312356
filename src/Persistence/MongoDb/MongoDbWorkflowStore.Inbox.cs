using ElsaFlow.Engine.Store;
using MongoDB.Driver;

namespace ElsaFlow.Persistence.MongoDb;

public sealed partial class MongoDbWorkflowStore
{
    private static FilterDefinitionBuilder<MongoInboxDocument> InboxFilter => Builders<MongoInboxDocument>.Filter;

    public async Task AppendInboxAsync(InboxEntry entry, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        try
        {
            await _inbox.InsertOneAsync(entry.ToDocument(), cancellationToken: ct);
        }
        catch (MongoWriteException error) when (error.WriteError?.Category == ServerErrorCategory.DuplicateKey)
        {
            // A redelivered entry: the unique (InstanceId, EntryId) index keeps the first.
        }
    }

    /// <summary>Oldest first: by the time received, then by document id (ObjectIds grow within a process).</summary>
    public async Task<IReadOnlyList<InboxEntry>> ListInboxAsync(string instanceId, CancellationToken ct = default)
    {
        var documents = await _inbox.Find(InboxFilter.Eq(e => e.InstanceId, instanceId)).SortBy(e => e.ReceivedAt).ThenBy(e => e.Id).ToListAsync(ct);
        return documents.Select(e => e.ToRecord()).ToList();
    }

    private async Task DeleteConsumedInboxAsync(string instanceId, IReadOnlyList<string> consumed, CancellationToken ct)
    {
        if (consumed.Count == 0) return;
        await _inbox.DeleteManyAsync(InboxFilter.Eq(e => e.InstanceId, instanceId) & InboxFilter.In(e => e.EntryId, consumed), ct);
    }
}
