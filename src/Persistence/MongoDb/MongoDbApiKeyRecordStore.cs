using ElsaFlow.Engine.Store;
using MongoDB.Driver;

namespace ElsaFlow.Persistence.MongoDb;

/// <summary>API keys in the api_keys collection of the store's database (ids as document ids, a unique index on the hash).</summary>
public sealed class MongoDbApiKeyRecordStore : IApiKeyRecordStore
{
    private readonly IMongoCollection<MongoApiKeyDocument> _keys;

    public MongoDbApiKeyRecordStore(IMongoDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _keys = database.GetCollection<MongoApiKeyDocument>("api_keys");
        _keys.Indexes.CreateOne(new CreateIndexModel<MongoApiKeyDocument>(
            Builders<MongoApiKeyDocument>.IndexKeys.Ascending(k => k.Hash), new CreateIndexOptions { Unique = true }));
    }

    public async Task<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync(CancellationToken ct = default)
    {
        var documents = await _keys.Find(Builders<MongoApiKeyDocument>.Filter.Empty).ToListAsync(ct);
        return documents.OrderBy(k => k.CreatedAt).ThenBy(k => k.Id, StringComparer.Ordinal)
            .Select(k => new ApiKeyRecord { Id = k.Id, Name = k.Name, Role = k.Role, Hash = k.Hash, CreatedAt = new DateTimeOffset(k.CreatedAt, TimeSpan.Zero) })
            .ToList();
    }

    public async Task<bool> TryAddApiKeyAsync(ApiKeyRecord key, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        try
        {
            await _keys.InsertOneAsync(new MongoApiKeyDocument { Id = key.Id, Name = key.Name, Role = key.Role, Hash = key.Hash, CreatedAt = key.CreatedAt.UtcTicks },
                cancellationToken: ct);
            return true;
        }
        catch (MongoWriteException error) when (error.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            return false;
        }
    }

    public async Task<bool> SetApiKeyRoleAsync(string id, string role, CancellationToken ct = default) =>
        (await _keys.UpdateOneAsync(Builders<MongoApiKeyDocument>.Filter.Eq(k => k.Id, id),
            Builders<MongoApiKeyDocument>.Update.Set(k => k.Role, role), cancellationToken: ct)).MatchedCount == 1;

    public async Task<bool> DeleteApiKeyAsync(string id, CancellationToken ct = default) =>
        (await _keys.DeleteOneAsync(Builders<MongoApiKeyDocument>.Filter.Eq(k => k.Id, id), ct)).DeletedCount == 1;
}
