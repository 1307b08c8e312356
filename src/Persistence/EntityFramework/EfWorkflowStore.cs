using ElsaFlow.Engine.Store;
using ElsaFlow.Persistence.EntityFramework.Entities;
using ElsaFlow.Persistence.Retention;
using Microsoft.EntityFrameworkCore;

namespace ElsaFlow.Persistence.EntityFramework;

/// <summary>
/// The EF Core store for every relational provider. Each call uses a fresh context from <paramref name="createContext"/>;
/// commits go through <paramref name="commitWriter"/> (plain EF when none is given), which the store owns and disposes;
/// saving and listing definition versions through <paramref name="definitionVersions"/> when given. The instances'
/// inbox and the cluster's worker registry live in the same database (partial files), so every node on it shares them.
/// </summary>
public sealed partial class EfWorkflowStore(Func<ElsaFlowDbContext> createContext, IInstanceCommitWriter? commitWriter = null,
    IDefinitionVersions? definitionVersions = null)
    : IWorkflowStore, IInstanceInbox, IWorkerRegistry, IInstanceRetentionStore, IAsyncDisposable, IDisposable
{
    private readonly IInstanceCommitWriter _commitWriter = commitWriter ?? new EfInstanceCommitWriter(createContext);

    /// <summary>A new context on the store's database, for queries the contract does not cover.</summary>
    public ElsaFlowDbContext CreateContext() => createContext();

    public async Task<StoredDefinition> SaveDefinitionAsync(StoredDefinition definition, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definitionVersions is not null) return await definitionVersions.SaveAsync(definition, ct);
        await using var db = createContext();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var id = definition.DefinitionId;
        if (definition.IsPublished)
            await db.Definitions.Where(d => d.DefinitionId == id && d.IsPublished).ExecuteUpdateAsync(s => s.SetProperty(d => d.IsPublished, false), ct);

        var stored = await db.Definitions.FindAsync([id, definition.Version], ct);
        if (stored is null)
            db.Definitions.Add(definition.ToEntity());
        else
            db.Entry(stored).CurrentValues.SetValues(definition.ToEntity());
        await db.SaveChangesAsync(ct);

        var latest = await db.Definitions.Where(d => d.DefinitionId == id).MaxAsync(d => d.Version, ct);
        await db.Definitions.Where(d => d.DefinitionId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.IsLatest, d => d.Version == latest), ct);
        await transaction.CommitAsync(ct);
        return definition with { IsLatest = definition.Version == latest };
    }

    public async Task<StoredDefinition?> GetDefinitionAsync(string definitionId, int? version = null, CancellationToken ct = default)
    {
        await using var db = createContext();
        var versions = db.Definitions.AsNoTracking().Where(d => d.DefinitionId == definitionId);
        var entity = version is null
            ? await versions.OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct)
            : await versions.FirstOrDefaultAsync(d => d.Version == version.Value, ct);
        return entity?.ToRecord();
    }

    public async Task<StoredDefinition?> GetPublishedDefinitionAsync(string definitionId, CancellationToken ct = default)
    {
        await using var db = createContext();
        var entity = await db.Definitions.AsNoTracking()
            .Where(d => d.DefinitionId == definitionId && d.IsPublished)
            .OrderByDescending(d => d.Version)
            .FirstOrDefaultAsync(ct);
        return entity?.ToRecord();
    }

    public async Task<IReadOnlyList<StoredDefinition>> ListDefinitionsAsync(string? search = null, CancellationToken ct = default)
    {
        await using var db = createContext();
        var latest = db.Definitions.AsNoTracking().Where(d => d.IsLatest);
        if (!string.IsNullOrEmpty(search))
        {
            var term = search.ToLowerInvariant();
            latest = latest.Where(d => d.DefinitionId.ToLower().Contains(term) || (d.Name != null && d.Name.ToLower().Contains(term)));
        }
        var entities = await latest.OrderBy(d => d.DefinitionId).ToListAsync(ct);
        return entities.Select(e => e.ToRecord()).ToList();
    }

    public async Task<IReadOnlyList<StoredDefinition>> ListDefinitionVersionsAsync(string definitionId, CancellationToken ct = default)
    {
        if (definitionVersions is not null) return await definitionVersions.ListAsync(definitionId, ct);
        await using var db = createContext();
        var entities = await db.Definitions.AsNoTracking().Where(d => d.DefinitionId == definitionId).OrderBy(d => d.Version).ToListAsync(ct);
        return entities.Select(e => e.ToRecord()).ToList();
    }

    public async Task PublishDefinitionAsync(string definitionId, int version, CancellationToken ct = default)
    {
        await using var db = createContext();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var updated = await db.Definitions.Where(d => d.DefinitionId == definitionId)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.IsPublished, d => d.Version == version), ct);
        if (updated == 0 || !await db.Definitions.AnyAsync(d => d.DefinitionId == definitionId && d.Version == version, ct))
            throw new KeyNotFoundException($"Definition '{definitionId}' has no version {version}");
        await transaction.CommitAsync(ct);
    }

    public async Task UnpublishDefinitionAsync(string definitionId, CancellationToken ct = default)
    {
        await using var db = createContext();
        await db.Definitions.Where(d => d.DefinitionId == definitionId && d.IsPublished)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.IsPublished, false), ct);
    }

    public async Task<bool> DeleteDefinitionAsync(string definitionId, CancellationToken ct = default)
    {
        await using var db = createContext();
        return await db.Definitions.Where(d => d.DefinitionId == definitionId).ExecuteDeleteAsync(ct) > 0;
    }

    public Task CommitAsync(InstanceCommit commit, CancellationToken ct = default) => _commitWriter.WriteAsync(commit, ct);

    public async Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken ct = default)
    {
        await using var db = createContext();
        var entity = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, ct);
        return entity?.ToRecord();
    }

    public async Task<Page<InstanceRecord>> ListInstancesAsync(InstanceQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = createContext();
        var matches = Filter(db.Instances.AsNoTracking(), query);
        var total = await matches.CountAsync(ct);
        var items = await matches
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Skip(query.Skip).Take(query.Take)
            .ToListAsync(ct);
        return new Page<InstanceRecord>(items.Select(i => i.ToRecord()).ToList(), total);
    }

    public async Task<bool> DeleteInstanceAsync(string instanceId, CancellationToken ct = default)
    {
        await using var db = createContext();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Bookmarks.Where(b => b.InstanceId == instanceId).ExecuteDeleteAsync(ct);
        await db.Journal.Where(j => j.InstanceId == instanceId).ExecuteDeleteAsync(ct);
        await db.Logs.Where(l => l.InstanceId == instanceId).ExecuteDeleteAsync(ct);
        await db.Inbox.Where(e => e.InstanceId == instanceId).ExecuteDeleteAsync(ct);
        var deleted = await db.Instances.Where(i => i.Id == instanceId).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return deleted > 0;
    }

    public async Task<bool> TryAcquireLeaseAsync(string instanceId, string owner, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken ct = default)
    {
        await using var db = createContext();
        var updated = await db.Instances
            .Where(i => i.Id == instanceId && (i.LeaseOwner == null || i.LeaseExpiresAt == null || i.LeaseExpiresAt <= now || i.LeaseOwner == owner))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.LeaseOwner, owner).SetProperty(i => i.LeaseExpiresAt, expiresAt), ct);
        return updated > 0;
    }

    public async Task ReleaseLeaseAsync(string instanceId, string owner, CancellationToken ct = default)
    {
        await using var db = createContext();
        await db.Instances
            .Where(i => i.Id == instanceId && i.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.LeaseOwner, (string?)null).SetProperty(i => i.LeaseExpiresAt, (DateTimeOffset?)null), ct);
    }

    public async Task<IReadOnlyList<string>> ListOrphanedInstancesAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        await using var db = createContext();
        return await db.Instances.AsNoTracking()
            .Where(i => i.Status == WorkflowStatus.Running && (i.LeaseExpiresAt == null || i.LeaseExpiresAt <= now))
            .OrderBy(i => i.CreatedAt)
            .Select(i => i.Id)
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<string>> ListExpiredInstancesAsync(WorkflowStatus status, DateTimeOffset endedBefore, int limit, CancellationToken ct = default)
    {
        await using var db = createContext();
        return await db.Instances.AsNoTracking()
            .Where(i => i.Status == status
                && ((i.FinishedAt != null && i.FinishedAt < endedBefore) || (i.FinishedAt == null && i.UpdatedAt < endedBefore)))
            .OrderBy(i => i.FinishedAt ?? i.UpdatedAt).ThenBy(i => i.Id)
            .Select(i => i.Id)
            .Take(limit)
            .ToListAsync(ct);
    }

    public async Task<BookmarkRecord?> GetBookmarkAsync(string bookmarkId, CancellationToken ct = default)
    {
        await using var db = createContext();
        var entity = await db.Bookmarks.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bookmarkId, ct);
        return entity?.ToRecord();
    }

    public async Task<IReadOnlyList<BookmarkRecord>> FindBookmarksAsync(string name, string? matchKey, CancellationToken ct = default)
    {
        await using var db = createContext();
        return await ListBookmarksAsync(db.Bookmarks.Where(b => b.Name == name && b.MatchKey == matchKey), ct);
    }

    public async Task<IReadOnlyList<BookmarkRecord>> ListBookmarksAsync(string instanceId, CancellationToken ct = default)
    {
        await using var db = createContext();
        return await ListBookmarksAsync(db.Bookmarks.Where(b => b.InstanceId == instanceId), ct);
    }

    public async Task<IReadOnlyList<BookmarkRecord>> ListTimersAsync(DateTimeOffset? dueBefore = null, CancellationToken ct = default)
    {
        await using var db = createContext();
        var timers = db.Bookmarks.AsNoTracking().Where(b => b.ResumeAt != null);
        if (dueBefore is not null)
            timers = timers.Where(b => b.ResumeAt <= dueBefore);
        var entities = await timers.OrderBy(b => b.ResumeAt).ThenBy(b => b.Id).ToListAsync(ct);
        return entities.Select(b => b.ToRecord()).ToList();
    }

    public async Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, CancellationToken ct = default)
    {
        await using var db = createContext();
        var entities = await db.Journal.AsNoTracking().Where(j => j.InstanceId == instanceId).OrderBy(j => j.Sequence).ToListAsync(ct);
        return entities.Select(j => j.ToRecord()).ToList();
    }

    public async Task<IReadOnlyList<LogEntry>> GetLogsAsync(string instanceId, CancellationToken ct = default)
    {
        await using var db = createContext();
        var entities = await db.Logs.AsNoTracking().Where(l => l.InstanceId == instanceId).OrderBy(l => l.Sequence).ToListAsync(ct);
        return entities.Select(l => l.ToRecord()).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (_commitWriter is IAsyncDisposable asyncDisposable)
            await asyncDisposable.DisposeAsync();
        else if (_commitWriter is IDisposable disposable)
            disposable.Dispose();
    }

    public void Dispose()
    {
        if (_commitWriter is IDisposable disposable)
            disposable.Dispose();
    }

    private static IQueryable<InstanceEntity> Filter(IQueryable<InstanceEntity> instances, InstanceQuery query)
    {
        if (query.DefinitionId is not null)
            instances = instances.Where(i => i.DefinitionId == query.DefinitionId);
        if (query.Status is not null)
            instances = instances.Where(i => i.Status == query.Status);
        if (query.CorrelationId is not null)
            instances = instances.Where(i => i.CorrelationId == query.CorrelationId);
        if (query.ParentInstanceId is not null)
            instances = instances.Where(i => i.ParentInstanceId == query.ParentInstanceId);
        if (query.CreatedAfter is not null)
            instances = instances.Where(i => i.CreatedAt >= query.CreatedAfter);
        if (query.CreatedBefore is not null)
            instances = instances.Where(i => i.CreatedAt < query.CreatedBefore);
        return instances;
    }

    private static async Task<IReadOnlyList<BookmarkRecord>> ListBookmarksAsync(IQueryable<BookmarkEntity> bookmarks, CancellationToken ct)
    {
        var entities = await bookmarks.AsNoTracking().OrderBy(b => b.CreatedAt).ThenBy(b => b.Id).ToListAsync(ct);
        return entities.Select(b => b.ToRecord()).ToList();
    }
}
