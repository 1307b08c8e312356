using ElsaFlow.Engine.Store;
using MongoDB.Driver;

namespace ElsaFlow.Persistence.MongoDb;

public sealed partial class MongoDbWorkflowStore
{
    public async Task HeartbeatAsync(WorkerRecord worker, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(worker);
        var document = worker.ToDocument();
        await _workers.ReplaceOneAsync(Builders<MongoWorkerDocument>.Filter.Eq(w => w.NodeId, document.NodeId), document,
            new ReplaceOptions { IsUpsert = true }, ct);
    }

    public async Task<IReadOnlyList<WorkerRecord>> ListAsync(DateTimeOffset seenSince, CancellationToken ct = default)
    {
        var documents = await _workers.Find(Builders<MongoWorkerDocument>.Filter.Gte(w => w.LastSeen, seenSince.UtcTicks)).ToListAsync(ct);
        return documents.OrderBy(w => w.NodeId, StringComparer.Ordinal).Select(w => w.ToRecord()).ToList();
    }
}
