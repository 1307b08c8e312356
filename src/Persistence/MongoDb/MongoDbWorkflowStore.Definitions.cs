using System.Text.RegularExpressions;
using ElsaFlow.Engine.Store;
using MongoDB.Bson;
using MongoDB.Driver;

namespace ElsaFlow.Persistence.MongoDb;

public sealed partial class MongoDbWorkflowStore
{
    private static FilterDefinitionBuilder<MongoDefinitionDocument> DefinitionFilter => Builders<MongoDefinitionDocument>.Filter;

    public async Task<StoredDefinition> SaveDefinitionAsync(StoredDefinition definition, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var id = definition.DefinitionId;
        if (definition.IsPublished)
            await _definitions.UpdateManyAsync(DefinitionFilter.Eq(d => d.DefinitionId, id) & DefinitionFilter.Ne(d => d.Version, definition.Version),
                Builders<MongoDefinitionDocument>.Update.Set(d => d.IsPublished, false), cancellationToken: ct);
        var document = definition.ToDocument();
        await _definitions.ReplaceOneAsync(DefinitionFilter.Eq(d => d.Key, document.Key), document, new ReplaceOptions { IsUpsert = true }, ct);

        var latest = await _definitions.Find(DefinitionFilter.Eq(d => d.DefinitionId, id))
            .SortByDescending(d => d.Version).Project(d => d.Version).FirstAsync(ct);
        await MarkLatestAsync(id, latest, ct);
        return definition with { IsLatest = definition.Version == latest };
    }

    public async Task<StoredDefinition?> GetDefinitionAsync(string definitionId, int? version = null, CancellationToken ct = default)
    {
        var filter = DefinitionFilter.Eq(d => d.DefinitionId, definitionId);
        if (version is not null)
            filter &= DefinitionFilter.Eq(d => d.Version, version.Value);
        var document = await _definitions.Find(filter).SortByDescending(d => d.Version).FirstOrDefaultAsync(ct);
        return document?.ToRecord();
    }

    public async Task<StoredDefinition?> GetPublishedDefinitionAsync(string definitionId, CancellationToken ct = default)
    {
        var document = await _definitions.Find(DefinitionFilter.Eq(d => d.DefinitionId, definitionId) & DefinitionFilter.Eq(d => d.IsPublished, true))
            .SortByDescending(d => d.Version).FirstOrDefaultAsync(ct);
        return document?.ToRecord();
    }

    public async Task<IReadOnlyList<StoredDefinition>> ListDefinitionsAsync(string? search = null, CancellationToken ct = default)
    {
        var filter = DefinitionFilter.Eq(d => d.IsLatest, true);
        if (!string.IsNullOrEmpty(search))
        {
            var pattern = new BsonRegularExpression(Regex.Escape(search), "i");
            filter &= DefinitionFilter.Regex(d => d.DefinitionId, pattern) | DefinitionFilter.Regex(d => d.Name, pattern);
        }
        var documents = await _definitions.Find(filter).SortBy(d => d.DefinitionId).ToListAsync(ct);
        return documents.Select(d => d.ToRecord()).ToList();
    }

    public async Task<IReadOnlyList<StoredDefinition>> ListDefinitionVersionsAsync(string definitionId, CancellationToken ct = default)
    {
        var documents = await _definitions.Find(DefinitionFilter.Eq(d => d.DefinitionId, definitionId)).SortBy(d => d.Version).ToListAsync(ct);
        return documents.Select(d => d.ToRecord()).ToList();
    }

    public async Task PublishDefinitionAsync(string definitionId, int version, CancellationToken ct = default)
    {
        var key = MongoDocumentMapping.DefinitionKey(definitionId, version);
        var published = await _definitions.UpdateOneAsync(DefinitionFilter.Eq(d => d.Key, key),
            Builders<MongoDefinitionDocument>.Update.Set(d => d.IsPublished, true), cancellationToken: ct);
        if (published.MatchedCount == 0)
            throw new KeyNotFoundException($"Definition '{definitionId}' has no version {version}");
        await _definitions.UpdateManyAsync(DefinitionFilter.Eq(d => d.DefinitionId, definitionId) & DefinitionFilter.Ne(d => d.Version, version),
            Builders<MongoDefinitionDocument>.Update.Set(d => d.IsPublished, false), cancellationToken: ct);
    }

    public async Task UnpublishDefinitionAsync(string definitionId, CancellationToken ct = default)
    {
        await _definitions.UpdateManyAsync(DefinitionFilter.Eq(d => d.DefinitionId, definitionId),
            Builders<MongoDefinitionDocument>.Update.Set(d => d.IsPublished, false), cancellationToken: ct);
    }

    public async Task<bool> DeleteDefinitionAsync(string definitionId, CancellationToken ct = default)
    {
        var deleted = await _definitions.DeleteManyAsync(DefinitionFilter.Eq(d => d.DefinitionId, definitionId), ct);
        return deleted.DeletedCount > 0;
    }

    private async Task MarkLatestAsync(string definitionId, int latest, CancellationToken ct)
    {
        var ofDefinition = DefinitionFilter.Eq(d => d.DefinitionId, definitionId);
        await _definitions.UpdateManyAsync(ofDefinition & DefinitionFilter.Ne(d => d.Version, latest),
            Builders<MongoDefinitionDocument>.Update.Set(d => d.IsLatest, false), cancellationToken: ct);
        await _definitions.UpdateOneAsync(ofDefinition & DefinitionFilter.Eq(d => d.Version, latest),
            Builders<MongoDefinitionDocument>.Update.Set(d => d.IsLatest, true), cancellationToken: ct);
    }
}
