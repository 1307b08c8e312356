using ElsaFlow.Engine.Store;
using MongoDB.Driver;

namespace ElsaFlow.Persistence.MongoDb;

public sealed partial class MongoDbWorkflowStore
{
    private static FilterDefinitionBuilder<MongoInstanceDocument> InstanceFilter => Builders<MongoInstanceDocument>.Filter;

    public async Task CommitAsync(InstanceCommit commit, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var instance = commit.Instance;
        if (commit.ExpectedRevision == 0)
            await InsertInstanceAsync(commit, ct);
        else
            await UpdateInstanceAsync(commit, ct);

        await TakeOverBookmarksAsync(instance.Id, commit.Bookmarks, ct);
        await InsertIgnoringDuplicatesAsync(_journal, commit.Journal.Select(j => j.ToDocument(instance.Id)).ToList(), ct);
        await InsertIgnoringDuplicatesAsync(_logs, commit.Logs.Select(l => l.ToDocument(instance.Id)).ToList(), ct);
        await DeleteConsumedInboxAsync(instance.Id, commit.ConsumedInbox, ct);
    }

    public async Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken ct = default)
    {
        var document = await _instances.Find(InstanceFilter.Eq(i => i.Id, instanceId)).FirstOrDefaultAsync(ct);
        return document?.ToRecord();
    }

    public async Task<Page<InstanceRecord>> ListInstancesAsync(InstanceQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = InstanceFilter.Empty;
        if (query.DefinitionId is not null) filter &= InstanceFilter.Eq(i => i.DefinitionId, query.DefinitionId);
        if (query.Status is not null) filter &= InstanceFilter.Eq(i => i.Status, query.Status.Value);
        if (query.CorrelationId is not null) filter &= InstanceFilter.Eq(i => i.CorrelationId, query.CorrelationId);
        if (query.ParentInstanceId is not null) filter &= InstanceFilter.Eq(i => i.ParentInstanceId, query.ParentInstanceId);
        if (query.CreatedAfter is not null) filter &= InstanceFilter.Gte(i => i.CreatedAt, query.CreatedAfter.Value.UtcTicks);
        if (query.CreatedBefore is not null) filter &= InstanceFilter.Lt(i => i.CreatedAt, query.CreatedBefore.Value.UtcTicks);

        var total = await _instances.CountDocumentsAsync(filter, cancellationToken: ct);
        var documents = await _instances.Find(filter)
            .SortByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Skip(query.Skip).Limit(query.Take)
            .ToListAsync(ct);
        return new Page<InstanceRecord>(documents.Select(i => i.ToRecord()).ToList(), (int)total);
    }

    public async Task<bool> DeleteInstanceAsync(string instanceId, CancellationToken ct = default)
    {
        var deleted = await _instances.DeleteOneAsync(InstanceFilter.Eq(i => i.Id, instanceId), ct);
        await _journal.DeleteManyAsync(Builders<MongoJournalDocument>.Filter.Eq(j => j.InstanceId, instanceId), ct);
        await _logs.DeleteManyAsync(Builders<MongoLogDocument>.Filter.Eq(l => l.InstanceId, instanceId), ct);
        await _inbox.DeleteManyAsync(Builders<MongoInboxDocument>.Filter.Eq(e => e.InstanceId, instanceId), ct);
        return deleted.DeletedCount > 0;
    }

    public async Task<IReadOnlyList<string>> ListExpiredInstancesAsync(WorkflowStatus status, DateTimeOffset endedBefore, int limit, CancellationToken ct = default)
    {
        return await _instances.Find(InstanceFilter.Eq(i => i.Status, status) & InstanceFilter.Lt(i => i.EndedAt, endedBefore.UtcTicks))
            .SortBy(i => i.EndedAt).ThenBy(i => i.Id)
            .Limit(limit)
            .Project(i => i.Id)
            .ToListAsync(ct);
    }

    private async Task InsertInstanceAsync(InstanceCommit commit, CancellationToken ct)
    {
        try
        {
            await _instances.InsertOneAsync(commit.Instance.ToDocument(revision: 1, commit.Bookmarks), cancellationToken: ct);
        }
        catch (MongoWriteException error) when (error.WriteError?.Category == ServerErrorCategory.DuplicateKey)
        {
            throw new ConcurrencyConflictException(commit.Instance.Id, commit.ExpectedRevision);
        }
    }

    private async Task UpdateInstanceAsync(InstanceCommit commit, CancellationToken ct)
    {
        var expected = commit.ExpectedRevision;
        var document = commit.Instance.ToDocument(expected + 1, commit.Bookmarks);
        var update = Builders<MongoInstanceDocument>.Update
            .Set(i => i.DefinitionId, document.DefinitionId)
            .Set(i => i.DefinitionVersion, document.DefinitionVersion)
            .Set(i => i.Status, document.Status)
            .Set(i => i.CorrelationId, document.CorrelationId)
            .Set(i => i.ParentInstanceId, document.ParentInstanceId)
            .Set(i => i.CreatedAt, document.CreatedAt)
            .Set(i => i.UpdatedAt, document.UpdatedAt)
            .Set(i => i.FinishedAt, document.FinishedAt)
            .Set(i => i.EndedAt, document.EndedAt)
            .Set(i => i.Revision, document.Revision)
            .Set(i => i.StateJson, document.StateJson)
            .Set(i => i.Error, document.Error)
            .Set(i => i.Bookmarks, document.Bookmarks);
        // Fencing: the stored lease must be free or the committer's own.
        var leaseFree = InstanceFilter.Eq(i => i.LeaseOwner, null) | InstanceFilter.Eq(i => i.LeaseOwner, commit.Instance.LeaseOwner);
        var result = await _instances.UpdateOneAsync(
            InstanceFilter.Eq(i => i.Id, document.Id) & InstanceFilter.Eq(i => i.Revision, expected) & leaseFree, update, cancellationToken: ct);
        if (result.MatchedCount == 0)
            throw new ConcurrencyConflictException(document.Id, expected);
    }

    /// <summary>A bookmark id now held by this instance is removed from any other instance that still holds it.</summary>
    private async Task TakeOverBookmarksAsync(string instanceId, IReadOnlyList<BookmarkRecord> bookmarks, CancellationToken ct)
    {
        if (bookmarks.Count == 0)
            return;
        var ids = bookmarks.Select(b => b.Id).ToList();
        await _instances.UpdateManyAsync(
            InstanceFilter.Ne(i => i.Id, instanceId) & InstanceFilter.In("Bookmarks.BookmarkId", ids),
            Builders<MongoInstanceDocument>.Update.PullFilter(i => i.Bookmarks, Builders<MongoBookmarkDocument>.Filter.In(b => b.BookmarkId, ids)),
            cancellationToken: ct);
    }

    private static async Task InsertIgnoringDuplicatesAsync<T>(IMongoCollection<T> collection, IReadOnlyList<T> documents, CancellationToken ct)
    {
        if (documents.Count == 0)
            return;
        try
        {
            await collection.InsertManyAsync(documents, new InsertManyOptions { IsOrdered = false }, ct);
        }
        catch (MongoBulkWriteException<T> error) when (error.WriteErrors.All(e => e.Category == ServerErrorCategory.DuplicateKey) && error.WriteConcernError is null)
        {
            // Lines already written by an earlier attempt of the same commit.
        }
    }
}
