namespace ElsaFlow.Engine.Store;

/// <summary>
/// A thread-safe store kept in process memory, for tests and throw-away runs. Records are immutable, so they are
/// kept as given; one lock makes every operation (and every commit) atomic.
/// </summary>
/// <remarks>
/// A commit stores the instance with <c>Revision = ExpectedRevision + 1</c>; an update keeps the stored lease (leases
/// change only through <see cref="TryAcquireLeaseAsync"/> and <see cref="ReleaseLeaseAsync"/>, so a commit cannot undo a renewal). <see cref="FindBookmarksAsync"/> matches
/// the match key exactly (a null key finds only bookmarks without a key).
/// </remarks>
public sealed class InMemoryWorkflowStore : IWorkflowStore, IInstanceInbox
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SortedDictionary<int, StoredDefinition>> _definitions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InstanceRecord> _instances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BookmarkRecord> _bookmarks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _bookmarkIdsByInstance = new(StringComparer.Ordinal);
    // Sequences only grow, so appending keeps order; a sorted map cost 30 ms per 40,000 entries.
    private readonly Dictionary<string, List<JournalEntry>> _journal = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<LogEntry>> _logs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<InboxEntry>> _inbox = new(StringComparer.Ordinal);

    public Task<StoredDefinition> SaveDefinitionAsync(StoredDefinition definition, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        lock (_gate)
        {
            if (!_definitions.TryGetValue(definition.DefinitionId, out var versions))
                _definitions[definition.DefinitionId] = versions = [];
            if (definition.IsPublished)
                UnpublishAll(versions);
            versions[definition.Version] = definition;
            RefreshLatest(versions);
            return Task.FromResult(versions[definition.Version]);
        }
    }

    public Task<StoredDefinition?> GetDefinitionAsync(string definitionId, int? version = null, CancellationToken ct = default)
    {
        lock (_gate)
        {
            if (!_definitions.TryGetValue(definitionId, out var versions) || versions.Count == 0)
                return Task.FromResult<StoredDefinition?>(null);
            if (version is null)
                return Task.FromResult<StoredDefinition?>(versions.Values.Last());
            return Task.FromResult(versions.GetValueOrDefault(version.Value));
        }
    }

    public Task<StoredDefinition?> GetPublishedDefinitionAsync(string definitionId, CancellationToken ct = default)
    {
        lock (_gate)
        {
            var published = _definitions.TryGetValue(definitionId, out var versions)
                ? versions.Values.LastOrDefault(d => d.IsPublished)
                : null;
            return Task.FromResult(published);
        }
    }

    public Task<IReadOnlyList<StoredDefinition>> ListDefinitionsAsync(string? search = null, CancellationToken ct = default)
    {
        lock (_gate)
        {
            IReadOnlyList<StoredDefinition> latest = _definitions.Values
                .Where(versions => versions.Count > 0)
                .Select(versions => versions.Values.Last())
                .Where(d => string.IsNullOrEmpty(search)
                            || d.DefinitionId.Contains(search, StringComparison.OrdinalIgnoreCase)
                            || (d.Name?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false))
                .OrderBy(d => d.DefinitionId, StringComparer.Ordinal)
                .ToList();
            return Task.FromResult(latest);
        }
    }

    public Task<IReadOnlyList<StoredDefinition>> ListDefinitionVersionsAsync(string definitionId, CancellationToken ct = default)
    {
        lock (_gate)
        {
            IReadOnlyList<StoredDefinition> all = _definitions.TryGetValue(definitionId, out var versions) ? versions.Values.ToList() : [];
            return Task.FromResult(all);
        }
    }

    public Task PublishDefinitionAsync(string definitionId, int version, CancellationToken ct = default)
    {
        lock (_gate)
        {
            if (!_definitions.TryGetValue(definitionId, out var versions) || !versions.TryGetValue(version, out var target))
                throw new KeyNotFoundException($"Definition '{definitionId}' has no version {version}");
            UnpublishAll(versions);
            versions[version] = target with { IsPublished = true };
            return Task.CompletedTask;
        }
    }

    public Task UnpublishDefinitionAsync(string definitionId, CancellationToken ct = default)
    {
        lock (_gate)
        {
            if (_definitions.TryGetValue(definitionId, out var versions))
                UnpublishAll(versions);
            return Task.CompletedTask;
        }
    }

    public Task<bool> DeleteDefinitionAsync(string definitionId, CancellationToken ct = default)
    {
        lock (_gate)
        {
            var removed = _definitions.Remove(definitionId, out var versions) && versions.Count > 0;
            return Task.FromResult(removed);
        }
    }

    public Task CommitAsync(InstanceCommit commit, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var instance = commit.Instance;
        lock (_gate)
        {
            var exists = _instances.TryGetValue(instance.Id, out var stored);
            var accepted = commit.ExpectedRevision == 0
                ? !exists
                : exists && stored!.Revision == commit.ExpectedRevision && (stored.LeaseOwner is null || stored.LeaseOwner == instance.LeaseOwner);
            if (!accepted)
                throw new ConcurrencyConflictException(instance.Id, commit.ExpectedRevision);

            var journal = _journal.GetValueOrDefault(instance.Id);
            var logs = _logs.GetValueOrDefault(instance.Id);
            EnsureNewSequences(instance.Id, commit.Journal, j => j.Sequence, journal, "journal");
            EnsureNewSequences(instance.Id, commit.Logs, l => l.Sequence, logs, "log");

            _instances[instance.Id] = exists
                ? instance with { Revision = commit.ExpectedRevision + 1, LeaseOwner = stored!.LeaseOwner, LeaseExpiresAt = stored.LeaseExpiresAt }
                : instance with { Revision = 1 };
            ReplaceBookmarks(instance.Id, commit.Bookmarks);
            if (commit.ConsumedInbox.Count > 0 && _inbox.TryGetValue(instance.Id, out var inbox))
                inbox.RemoveAll(e => commit.ConsumedInbox.Contains(e.Id));
            if (commit.Journal.Count > 0)
            {
                journal ??= _journal[instance.Id] = [];
                foreach (var entry in commit.Journal)
                    journal.Add(entry.InstanceId == instance.Id ? entry : entry with { InstanceId = instance.Id });
            }
            if (commit.Logs.Count > 0)
            {
                logs ??= _logs[instance.Id] = [];
                foreach (var entry in commit.Logs)
                    logs.Add(entry.InstanceId == instance.Id ? entry : entry with { InstanceId = instance.Id });
            }
            return Task.CompletedTask;
        }
    }

    public Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken ct = default)
    {
        lock (_gate)
            return Task.FromResult(_instances.GetValueOrDefault(instanceId));
    }

    public Task<Page<InstanceRecord>> ListInstancesAsync(InstanceQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_gate)
        {
            var matches = _instances.Values
                .Where(i => query.DefinitionId is null || i.DefinitionId == query.DefinitionId)
                .Where(i => query.Status is null || i.Status == query.Status)
                .Where(i => query.CorrelationId is null || i.CorrelationId == query.CorrelationId)
                .Where(i => query.ParentInstanceId is null || i.ParentInstanceId == query.ParentInstanceId)
                .Where(i => query.CreatedAfter is null || i.CreatedAt >= query.CreatedAfter)
                .Where(i => query.CreatedBefore is null || i.CreatedAt < query.CreatedBefore)
                .OrderByDescending(i => i.CreatedAt)
                .ThenByDescending(i => i.Id, StringComparer.Ordinal)
                .ToList();
            var items = matches.Skip(query.Skip).Take(query.Take).ToList();
            return Task.FromResult(new Page<InstanceRecord>(items, matches.Count));
        }
    }

    public Task AppendInboxAsync(InboxEntry entry, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            if (!_inbox.TryGetValue(entry.InstanceId, out var inbox)) _inbox[entry.InstanceId] = inbox = [];
            if (!inbox.Exists(e => e.Id == entry.Id)) inbox.Add(entry);
            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<InboxEntry>> ListInboxAsync(string instanceId, CancellationToken ct = default)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<InboxEntry>>(_inbox.TryGetValue(instanceId, out var inbox) ? inbox.ToList() : []);
    }

    public Task<bool> DeleteInstanceAsync(string instanceId, CancellationToken ct = default)
    {
        lock (_gate)
        {
            var removed = _instances.Remove(instanceId);
            ReplaceBookmarks(instanceId, []);
            _journal.Remove(instanceId);
            _logs.Remove(instanceId);
            _inbox.Remove(instanceId);
            return Task.FromResult(removed);
        }
    }

    public Task<bool> TryAcquireLeaseAsync(string instanceId, string owner, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken ct = default)
    {
        lock (_gate)
        {
            if (!_instances.TryGetValue(instanceId, out var instance))
                return Task.FromResult(false);
            var free = instance.LeaseOwner is null || instance.LeaseExpiresAt is null || instance.LeaseExpiresAt <= now || instance.LeaseOwner == owner;
            if (free)
                _instances[instanceId] = instance with { LeaseOwner = owner, LeaseExpiresAt = expiresAt };
            return Task.FromResult(free);
        }
    }

    public Task ReleaseLeaseAsync(string instanceId, string owner, CancellationToken ct = default)
    {
        lock (_gate)
        {
            if (_instances.TryGetValue(instanceId, out var instance) && instance.LeaseOwner == owner)
                _instances[instanceId] = instance with { LeaseOwner = null, LeaseExpiresAt = null };
            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<string>> ListOrphanedInstancesAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        lock (_gate)
        {
            IReadOnlyList<string> ids = _instances.Values
                .Where(i => i.Status == WorkflowStatus.Running && (i.LeaseExpiresAt is null || i.LeaseExpiresAt <= now))
                .OrderBy(i => i.CreatedAt)
                .Select(i => i.Id)
                .ToList();
            return Task.FromResult(ids);
        }
    }

    public Task<BookmarkRecord?> GetBookmarkAsync(string bookmarkId, CancellationToken ct = default)
    {
        lock (_gate)
            return Task.FromResult(_bookmarks.GetValueOrDefault(bookmarkId));
    }

    public Task<IReadOnlyList<BookmarkRecord>> FindBookmarksAsync(string name, string? matchKey, CancellationToken ct = default)
    {
        lock (_gate)
            return Task.FromResult(Bookmarks(b => b.Name == name && b.MatchKey == matchKey));
    }

    public Task<IReadOnlyList<BookmarkRecord>> ListBookmarksAsync(string instanceId, CancellationToken ct = default)
    {
        lock (_gate)
        {
            IReadOnlyList<BookmarkRecord> bookmarks = _bookmarkIdsByInstance.TryGetValue(instanceId, out var ids)
                ? ids.Select(id => _bookmarks[id]).OrderBy(b => b.CreatedAt).ThenBy(b => b.Id, StringComparer.Ordinal).ToList()
                : [];
            return Task.FromResult(bookmarks);
        }
    }

    public Task<IReadOnlyList<BookmarkRecord>> ListTimersAsync(DateTimeOffset? dueBefore = null, CancellationToken ct = default)
    {
        lock (_gate)
        {
            IReadOnlyList<BookmarkRecord> timers = _bookmarks.Values
                .Where(b => b.ResumeAt is not null && (dueBefore is null || b.ResumeAt <= dueBefore))
                .OrderBy(b => b.ResumeAt)
                .ThenBy(b => b.Id, StringComparer.Ordinal)
                .ToList();
            return Task.FromResult(timers);
        }
    }

    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, CancellationToken ct = default)
    {
        lock (_gate)
        {
            IReadOnlyList<JournalEntry> entries = _journal.TryGetValue(instanceId, out var journal) ? journal.ToList() : [];
            return Task.FromResult(entries);
        }
    }

    public Task<IReadOnlyList<LogEntry>> GetLogsAsync(string instanceId, CancellationToken ct = default)
    {
        lock (_gate)
        {
            IReadOnlyList<LogEntry> entries = _logs.TryGetValue(instanceId, out var logs) ? logs.ToList() : [];
            return Task.FromResult(entries);
        }
    }

    private IReadOnlyList<BookmarkRecord> Bookmarks(Func<BookmarkRecord, bool> predicate) =>
        _bookmarks.Values
            .Where(predicate)
            .OrderBy(b => b.CreatedAt)
            .ThenBy(b => b.Id, StringComparer.Ordinal)
            .ToList();

    private void ReplaceBookmarks(string instanceId, IReadOnlyList<BookmarkRecord> bookmarks)
    {
        if (_bookmarkIdsByInstance.Remove(instanceId, out var staleIds))
        {
            foreach (var id in staleIds)
                _bookmarks.Remove(id);
        }
        if (bookmarks.Count == 0)
            return;
        var ids = new List<string>(bookmarks.Count);
        foreach (var bookmark in bookmarks)
        {
            if (_bookmarks.TryGetValue(bookmark.Id, out var taken) && taken.InstanceId != instanceId)
                _bookmarkIdsByInstance[taken.InstanceId].Remove(bookmark.Id);
            _bookmarks[bookmark.Id] = bookmark.InstanceId == instanceId ? bookmark : bookmark with { InstanceId = instanceId };
            if (!ids.Contains(bookmark.Id))
                ids.Add(bookmark.Id);
        }
        _bookmarkIdsByInstance[instanceId] = ids;
    }

    /// <summary>New lines must come after the stored ones, in increasing order (the runtime assigns them that way).</summary>
    private static void EnsureNewSequences<T>(string instanceId, IReadOnlyList<T> added, Func<T, long> sequenceOf, List<T>? existing, string what)
    {
        var last = existing is { Count: > 0 } ? sequenceOf(existing[^1]) : long.MinValue;
        foreach (var entry in added)
        {
            var sequence = sequenceOf(entry);
            if (sequence <= last)
                throw new InvalidOperationException($"Instance '{instanceId}' already has {what} sequence {sequence}");
            last = sequence;
        }
    }

    private static void UnpublishAll(SortedDictionary<int, StoredDefinition> versions)
    {
        foreach (var (version, definition) in versions.Where(v => v.Value.IsPublished).ToList())
            versions[version] = definition with { IsPublished = false };
    }

    private static void RefreshLatest(SortedDictionary<int, StoredDefinition> versions)
    {
        var latest = versions.Keys.Last();
        foreach (var (version, definition) in versions.ToList())
        {
            if (definition.IsLatest != (version == latest))
                versions[version] = definition with { IsLatest = version == latest };
        }
    }
}
