using ElsaFlow.Engine.Store;
using ElsaFlow.Persistence.EntityFramework.Entities;
using Microsoft.EntityFrameworkCore;

namespace ElsaFlow.Persistence.EntityFramework;

/// <summary>The cluster's worker registry (workers): one row per node, replaced by each heartbeat.</summary>
public sealed partial class EfWorkflowStore
{
    public async Task HeartbeatAsync(WorkerRecord worker, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(worker);
        var entity = worker.ToEntity();
        if (await UpdateWorkerAsync(entity, ct)) return;
        // Only the node itself writes its row, so an update that finds none is its first heartbeat; an insert that
        // fails on the key lost a race with another process using the same node id: its row is there now, replace it.
        await using var db = createContext();
        db.Workers.Add(entity);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            if (!await UpdateWorkerAsync(entity, ct)) throw;
        }
    }

    public async Task<IReadOnlyList<WorkerRecord>> ListAsync(DateTimeOffset seenSince, CancellationToken ct = default)
    {
        await using var db = createContext();
        var entities = await db.Workers.AsNoTracking().Where(w => w.LastSeen >= seenSince).OrderBy(w => w.NodeId).ToListAsync(ct);
        return entities.Select(w => w.ToRecord()).ToList();
    }

    private async Task<bool> UpdateWorkerAsync(WorkerEntity entity, CancellationToken ct)
    {
        await using var db = createContext();
        var updated = await db.Workers.Where(w => w.NodeId == entity.NodeId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(w => w.Role, entity.Role)
                .SetProperty(w => w.Groups, entity.Groups)
                .SetProperty(w => w.Concurrency, entity.Concurrency)
                .SetProperty(w => w.Running, entity.Running)
                .SetProperty(w => w.Version, entity.Version)
                .SetProperty(w => w.StartedAt, entity.StartedAt)
                .SetProperty(w => w.LastSeen, entity.LastSeen)
                .SetProperty(w => w.StoppedAt, entity.StoppedAt), ct);
        return updated > 0;
    }
}
