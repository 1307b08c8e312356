using ElsaFlow.Engine.Store;
using MongoDB.Driver;

namespace ElsaFlow.Persistence.MongoDb;

/// <summary>Named connections in the connections collection of the store's database (lower-case names as document ids).</summary>
public sealed class MongoDbConnectionRecordStore : IConnectionRecordStore
{
    private readonly IMongoCollection<MongoConnectionDocument> _connections;

    public MongoDbConnectionRecordStore(IMongoDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _connections = database.GetCollection<MongoConnectionDocument>("connections");
    }

    public async Task<IReadOnlyList<ConnectionRecord>> ListConnectionsAsync(CancellationToken ct = default)
    {
        var documents = await _connections.Find(Builders<MongoConnectionDocument>.Filter.Empty).ToListAsync(ct);
        return documents.OrderBy(c => c.Key, StringComparer.Ordinal).Select(ToRecord).ToList();
    }

    public async Task<ConnectionRecord?> GetConnectionAsync(string name, CancellationToken ct = default)
    {
        var document = await _connections.Find(ById(name)).FirstOrDefaultAsync(ct);
        return document is null ? null : ToRecord(document);
    }

    public async Task<bool> TryAddConnectionAsync(ConnectionRecord connection, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        try
        {
            await _connections.InsertOneAsync(new MongoConnectionDocument
            {
                Key = Key(connection.Name), Name = connection.Name, Kind = connection.Kind,
                ProtectedConnectionString = connection.ProtectedConnectionString, OptionsJson = connection.OptionsJson,
                CreatedAt = connection.CreatedAt.UtcTicks, UpdatedAt = connection.UpdatedAt.UtcTicks,
            }, cancellationToken: ct);
            return true;
        }
        catch (MongoWriteException error) when (error.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            return false;
        }
    }

    public async Task<bool> UpdateConnectionAsync(ConnectionRecord connection, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var update = Builders<MongoConnectionDocument>.Update
            .Set(c => c.Kind, connection.Kind)
            .Set(c => c.ProtectedConnectionString, connection.ProtectedConnectionString)
            .Set(c => c.OptionsJson, connection.OptionsJson)
            .Set(c => c.UpdatedAt, connection.UpdatedAt.UtcTicks);
        return (await _connections.UpdateOneAsync(ById(connection.Name), update, cancellationToken: ct)).MatchedCount == 1;
    }

    public async Task<bool> DeleteConnectionAsync(string name, CancellationToken ct = default) =>
        (await _connections.DeleteOneAsync(ById(name), ct)).DeletedCount == 1;

    private static string Key(string name) => name.ToLowerInvariant();

    private static FilterDefinition<MongoConnectionDocument> ById(string name) =>
        Builders<MongoConnectionDocument>.Filter.Eq(c => c.Key, Key(name));

    private static ConnectionRecord ToRecord(MongoConnectionDocument c) => new()
    {
        Name = c.Name, Kind = c.Kind, ProtectedConnectionString = c.ProtectedConnectionString, OptionsJson = c.OptionsJson,
        CreatedAt = MongoDocumentMapping.FromTicks(c.CreatedAt), UpdatedAt = MongoDocumentMapping.FromTicks(c.UpdatedAt),
    };
}
