using ElsaFlow.Engine.Store;

namespace ElsaFlow.Engine.Tests.Support;

/// <summary>A store that hands every call to another one; tests override what they need to slow down or break.</summary>
public abstract class DelegatingWorkflowStore(IWorkflowStore inner) : IWorkflowStore
{
    public virtual Task<StoredDefinition> SaveDefinitionAsync(StoredDefinition definition, CancellationToken ct = default) => inner.SaveDefinitionAsync(definition, ct);

    public virtual Task<StoredDefinition?> GetDefinitionAsync(string definitionId, int? version = null, CancellationToken ct = default) => inner.GetDefinitionAsync(definitionId, version, ct);

    public virtual Task<StoredDefinition?> GetPublishedDefinitionAsync(string definitionId, CancellationToken ct = default) => inner.GetPublishedDefinitionAsync(definitionId, ct);

    public virtual Task<IReadOnlyList<StoredDefinition>> ListDefinitionsAsync(string? search = null, CancellationToken ct = default) => inner.ListDefinitionsAsync(search, ct);

    public virtual Task<IReadOnlyList<StoredDefinition>> ListDefinitionVersionsAsync(string definitionId, CancellationToken ct = default) => inner.ListDefinitionVersionsAsync(definitionId, ct);

    public virtual Task PublishDefinitionAsync(string definitionId, int version, CancellationToken ct = default) => inner.PublishDefinitionAsync(definitionId, version, ct);

    public virtual Task UnpublishDefinitionAsync(string definitionId, CancellationToken ct = default) => inner.UnpublishDefinitionAsync(definitionId, ct);

    public virtual Task<bool> DeleteDefinitionAsync(string definitionId, CancellationToken ct = default) => inner.DeleteDefinitionAsync(definitionId, ct);

    public virtual Task CommitAsync(InstanceCommit commit, CancellationToken ct = default) => inner.CommitAsync(commit, ct);

    public virtual Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken ct = default) => inner.GetInstanceAsync(instanceId, ct);

    public virtual Task<Page<InstanceRecord>> ListInstancesAsync(InstanceQuery query, CancellationToken ct = default) => inner.ListInstancesAsync(query, ct);

    public virtual Task<bool> DeleteInstanceAsync(string instanceId, CancellationToken ct = default) => inner.DeleteInstanceAsync(instanceId, ct);

    public virtual Task<bool> TryAcquireLeaseAsync(string instanceId, string owner, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken ct = default) => inner.TryAcquireLeaseAsync(instanceId, owner, now, expiresAt, ct);

    public virtual Task ReleaseLeaseAsync(string instanceId, string owner, CancellationToken ct = default) => inner.ReleaseLeaseAsync(instanceId, owner, ct);

    public virtual Task<IReadOnlyList<string>> ListOrphanedInstancesAsync(DateTimeOffset now, CancellationToken ct = default) => inner.ListOrphanedInstancesAsync(now, ct);

    public virtual Task<BookmarkRecord?> GetBookmarkAsync(string bookmarkId, CancellationToken ct = default) => inner.GetBookmarkAsync(bookmarkId, ct);

    public virtual Task<IReadOnlyList<BookmarkRecord>> FindBookmarksAsync(string name, string? matchKey, CancellationToken ct = default) => inner.FindBookmarksAsync(name, matchKey, ct);

    public virtual Task<IReadOnlyList<BookmarkRecord>> ListBookmarksAsync(string instanceId, CancellationToken ct = default) => inner.ListBookmarksAsync(instanceId, ct);

    public virtual Task<IReadOnlyList<BookmarkRecord>> ListTimersAsync(DateTimeOffset? dueBefore = null, CancellationToken ct = default) => inner.ListTimersAsync(dueBefore, ct);

    public virtual Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, CancellationToken ct = default) => inner.GetJournalAsync(instanceId, ct);

    public virtual Task<IReadOnlyList<LogEntry>> GetLogsAsync(string instanceId, CancellationToken ct = default) => inner.GetLogsAsync(instanceId, ct);
}
