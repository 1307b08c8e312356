using ElsaFlow.Engine.Store;
using MongoDB.Driver;

namespace ElsaFlow.Persistence.MongoDb;

public sealed partial class MongoDbWorkflowStore
{
    public async Task<bool> TryAcquireLeaseAsync(string instanceId, string owner, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken ct = default)
    {
        var free = InstanceFilter.Eq(i => i.LeaseOwner, null) | InstanceFilter.Eq(i => i.LeaseExpiresAt, null)
            | InstanceFilter.Lte(i => i.LeaseExpiresAt, now.UtcTicks) | InstanceFilter.Eq(i => i.LeaseOwner, owner);
        var result = await _instances.UpdateOneAsync(InstanceFilter.Eq(i => i.Id, instanceId) & free,
            Builders<MongoInstanceDocument>.Update.Set(i => i.LeaseOwner, owner).Set(i => i.LeaseExpiresAt, expiresAt.UtcTicks),
            cancellationToken: ct);
        return result.MatchedCount > 0;
    }

    public async Task ReleaseLeaseAsync(string instanceId, string owner, CancellationToken ct = default)
    {
        await _instances.UpdateOneAsync(InstanceFilter.Eq(i => i.Id, instanceId) & InstanceFilter.Eq(i => i.LeaseOwner, owner),
            Builders<MongoInstanceDocument>.Update.Set(i => i.LeaseOwner, null).Set(i => i.LeaseExpiresAt, null),
            cancellationToken: ct);
    }

    public async Task<IReadOnlyList<string>> ListOrphanedInstancesAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var filter = InstanceFilter.Eq(i => i.Status, WorkflowStatus.Running)
            & (InstanceFilter.Eq(i => i.LeaseExpiresAt, null) | InstanceFilter.Lte(i => i.LeaseExpiresAt, now.UtcTicks));
        return await _instances.Find(filter).SortBy(i => i.CreatedAt).ThenBy(i => i.Id).Project(i => i.Id).ToListAsync(ct);
    }
}
