namespace ElsaFlow.Engine.Store;

/// <summary>
/// Everything the engine keeps: definitions with versions and publish state, instances with their state document,
/// bookmarks, journal and log. Implemented in memory here and with EF Core / MongoDB in ElsaFlow.Persistence.
/// </summary>
public interface IWorkflowStore
{
    /// <summary>Inserts or replaces the version (DefinitionId, Version); keeps IsLatest right for that definition.</summary>
    Task<StoredDefinition> SaveDefinitionAsync(StoredDefinition definition, CancellationToken ct = default);

    /// <summary>One version, or the latest when <paramref name="version"/> is null.</summary>
    Task<StoredDefinition?> GetDefinitionAsync(string definitionId, int? version = null, CancellationToken ct = default);

    Task<StoredDefinition?> GetPublishedDefinitionAsync(string definitionId, CancellationToken ct = default);

    /// <summary>The latest version of every definition, optionally filtered by id or name containing <paramref name="search"/>.</summary>
    Task<IReadOnlyList<StoredDefinition>> ListDefinitionsAsync(string? search = null, CancellationToken ct = default);

    Task<IReadOnlyList<StoredDefinition>> ListDefinitionVersionsAsync(string definitionId, CancellationToken ct = default);

    /// <summary>Makes this version the only published one of its definition.</summary>
    Task PublishDefinitionAsync(string definitionId, int version, CancellationToken ct = default);

    Task UnpublishDefinitionAsync(string definitionId, CancellationToken ct = default);

    /// <summary>Deletes every version; false when there was none.</summary>
    Task<bool> DeleteDefinitionAsync(string definitionId, CancellationToken ct = default);

    /// <summary>Writes a commit atomically; throws <see cref="ConcurrencyConflictException"/> when the revision moved on or another node holds the lease.</summary>
    Task CommitAsync(InstanceCommit commit, CancellationToken ct = default);

    Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken ct = default);

    Task<Page<InstanceRecord>> ListInstancesAsync(InstanceQuery query, CancellationToken ct = default);

    /// <summary>Deletes the instance with its bookmarks, journal and log.</summary>
    Task<bool> DeleteInstanceAsync(string instanceId, CancellationToken ct = default);

    /// <summary>Takes the instance's lease when it is free, expired or already ours.</summary>
    Task<bool> TryAcquireLeaseAsync(string instanceId, string owner, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken ct = default);

    Task ReleaseLeaseAsync(string instanceId, string owner, CancellationToken ct = default);

    /// <summary>Ids of instances in status Running whose lease is missing or expired: their process died.</summary>
    Task<IReadOnlyList<string>> ListOrphanedInstancesAsync(DateTimeOffset now, CancellationToken ct = default);

    Task<BookmarkRecord?> GetBookmarkAsync(string bookmarkId, CancellationToken ct = default);

    Task<IReadOnlyList<BookmarkRecord>> FindBookmarksAsync(string name, string? matchKey, CancellationToken ct = default);

    Task<IReadOnlyList<BookmarkRecord>> ListBookmarksAsync(string instanceId, CancellationToken ct = default);

    /// <summary>Bookmarks with a ResumeAt, optionally only those due before a time; soonest first.</summary>
    Task<IReadOnlyList<BookmarkRecord>> ListTimersAsync(DateTimeOffset? dueBefore = null, CancellationToken ct = default);

    Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, CancellationToken ct = default);

    Task<IReadOnlyList<LogEntry>> GetLogsAsync(string instanceId, CancellationToken ct = default);
}
