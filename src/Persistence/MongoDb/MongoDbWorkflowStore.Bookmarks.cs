using ElsaFlow.Engine.Store;
using MongoDB.Driver;

namespace ElsaFlow.Persistence.MongoDb;

public sealed partial class MongoDbWorkflowStore
{
    private static FilterDefinitionBuilder<MongoBookmarkDocument> BookmarkFilter => Builders<MongoBookmarkDocument>.Filter;

    public async Task<BookmarkRecord?> GetBookmarkAsync(string bookmarkId, CancellationToken ct = default)
    {
        var found = await FindBookmarksAsync(BookmarkFilter.Eq(b => b.BookmarkId, bookmarkId), b => b.BookmarkId == bookmarkId, ct);
        return found.FirstOrDefault();
    }

    public Task<IReadOnlyList<BookmarkRecord>> FindBookmarksAsync(string name, string? matchKey, CancellationToken ct = default) =>
        FindBookmarksAsync(BookmarkFilter.Eq(b => b.Name, name) & BookmarkFilter.Eq(b => b.MatchKey, matchKey),
            b => b.Name == name && b.MatchKey == matchKey, ct);

    public async Task<IReadOnlyList<BookmarkRecord>> ListBookmarksAsync(string instanceId, CancellationToken ct = default)
    {
        var document = await _instances.Find(InstanceFilter.Eq(i => i.Id, instanceId)).FirstOrDefaultAsync(ct);
        return document is null ? [] : Ordered(document.Bookmarks.Select(b => b.ToRecord(document.Id)));
    }

    public async Task<IReadOnlyList<BookmarkRecord>> ListTimersAsync(DateTimeOffset? dueBefore = null, CancellationToken ct = default)
    {
        var due = BookmarkFilter.Ne(b => b.ResumeAt, null);
        if (dueBefore is not null)
            due &= BookmarkFilter.Lte(b => b.ResumeAt, dueBefore.Value.UtcTicks);
        var limit = dueBefore?.UtcTicks;
        var found = await FindBookmarksAsync(due, b => b.ResumeAt is not null && (limit is null || b.ResumeAt <= limit), ct);
        return found.OrderBy(b => b.ResumeAt!.Value.UtcTicks).ThenBy(b => b.Id, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, CancellationToken ct = default)
    {
        var documents = await _journal.Find(Builders<MongoJournalDocument>.Filter.Eq(j => j.InstanceId, instanceId)).SortBy(j => j.Sequence).ToListAsync(ct);
        return documents.Select(j => j.ToRecord()).ToList();
    }

    public async Task<IReadOnlyList<LogEntry>> GetLogsAsync(string instanceId, CancellationToken ct = default)
    {
        var documents = await _logs.Find(Builders<MongoLogDocument>.Filter.Eq(l => l.InstanceId, instanceId)).SortBy(l => l.Sequence).ToListAsync(ct);
        return documents.Select(l => l.ToRecord()).ToList();
    }

    /// <summary>
    /// Instances holding a bookmark that matches <paramref name="filter"/> (an indexed $elemMatch), then the matching
    /// bookmarks picked out of them by <paramref name="matches"/>.
    /// </summary>
    private async Task<IReadOnlyList<BookmarkRecord>> FindBookmarksAsync(
        FilterDefinition<MongoBookmarkDocument> filter, Func<MongoBookmarkDocument, bool> matches, CancellationToken ct)
    {
        var documents = await _instances.Find(InstanceFilter.ElemMatch(i => i.Bookmarks, filter)).ToListAsync(ct);
        return Ordered(documents.SelectMany(i => i.Bookmarks.Where(matches).Select(b => b.ToRecord(i.Id))));
    }

    private static IReadOnlyList<BookmarkRecord> Ordered(IEnumerable<BookmarkRecord> bookmarks) =>
        bookmarks.OrderBy(b => b.CreatedAt.UtcTicks).ThenBy(b => b.Id, StringComparer.Ordinal).ToList();
}
