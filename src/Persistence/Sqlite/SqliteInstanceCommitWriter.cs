using ElsaFlow.Engine.Store;
using ElsaFlow.Persistence.EntityFramework;
using Microsoft.Data.Sqlite;

namespace ElsaFlow.Persistence.Sqlite;

/// <summary>
/// The SQLite fast path for commits: one long-lived connection with prepared, parameterized commands, one IMMEDIATE
/// transaction per commit (which also deletes the inbox entries the commit consumed). Bookmarks are diffed against the stored set, so unchanged ones are not rewritten, and not read at all when the commit says none changed.
/// SQLite has one writer per file anyway, so commits from this process are serialized.
/// </summary>
public sealed class SqliteInstanceCommitWriter(string connectionString) : IInstanceCommitWriter, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SqliteCommitCommands? _commands;

    public async Task WriteAsync(InstanceCommit commit, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        await _gate.WaitAsync(ct);
        try
        {
            _commands ??= SqliteCommitCommands.Open(connectionString);
            try
            {
                Write(_commands, commit);
            }
            catch (SqliteException)
            {
                // The connection may be unusable (e.g. the file went away): start over on the next commit.
                _commands.Dispose();
                _commands = null;
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _gate.Wait();
        try
        {
            _commands?.Dispose();
            _commands = null;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static void Write(SqliteCommitCommands commands, InstanceCommit commit)
    {
        var instance = commit.Instance;
        using var transaction = commands.Connection.BeginTransaction(deferred: false);
        commands.Enlist(transaction);

        var written = commit.ExpectedRevision == 0
            ? commands.InsertInstance(instance)
            : commands.UpdateInstance(instance, commit.ExpectedRevision);
        if (written == 0)
            throw new ConcurrencyConflictException(instance.Id, commit.ExpectedRevision);

        if (commit.BookmarksChanged || commit.ExpectedRevision == 0) ReplaceBookmarks(commands, instance.Id, commit.Bookmarks);
        foreach (var entry in commit.Journal)
            commands.InsertJournal(instance.Id, entry);
        foreach (var entry in commit.Logs)
            commands.InsertLog(instance.Id, entry);
        foreach (var entryId in commit.ConsumedInbox)
            commands.DeleteInboxEntry(instance.Id, entryId);
        transaction.Commit();
    }

    private static void ReplaceBookmarks(SqliteCommitCommands commands, string instanceId, IReadOnlyList<BookmarkRecord> wanted)
    {
        var stored = commands.ReadBookmarks(instanceId);
        if (stored.Count == 0 && wanted.Count == 0)
            return;
        var wantedById = new Dictionary<string, BookmarkRecord>(wanted.Count, StringComparer.Ordinal);
        foreach (var bookmark in wanted)
            wantedById[bookmark.Id] = bookmark;
        foreach (var entity in stored)
        {
            if (!wantedById.Remove(entity.Id, out var bookmark))
                commands.DeleteBookmark(entity.Id);
            else if (!entity.SameAs(bookmark))
                commands.UpsertBookmark(instanceId, bookmark);
        }
        foreach (var bookmark in wantedById.Values)
            commands.UpsertBookmark(instanceId, bookmark);
    }
}
