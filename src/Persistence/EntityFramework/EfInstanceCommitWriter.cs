using System.Runtime.ExceptionServices;
using ElsaFlow.Engine.Store;
using ElsaFlow.Persistence.EntityFramework.Entities;
using Microsoft.EntityFrameworkCore;

namespace ElsaFlow.Persistence.EntityFramework;

/// <summary>
/// Writes commits through EF Core on any provider: a conditional UPDATE of the instance row (revision check, and no
/// other node may hold the lease; the lease columns are left alone), a diff of its bookmarks (unless the commit says
/// they are unchanged), inserts of the new
/// journal and log lines and the deletion of the inbox entries it consumed, in one transaction.
/// </summary>
public sealed class EfInstanceCommitWriter(Func<ElsaFlowDbContext> createContext) : IInstanceCommitWriter
{
    public async Task WriteAsync(InstanceCommit commit, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var instance = commit.Instance;
        await using var db = createContext();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        if (commit.ExpectedRevision == 0)
        {
            var failure = await TryInsertInstanceAsync(db, commit, ct);
            if (failure is not null)
            {
                // The insert failed. On PostgreSQL the failed statement aborted the transaction, so nothing more may be
                // asked inside it: roll back (nothing else was written yet) and look for the row on a fresh context.
                await transaction.RollbackAsync(ct);
                await using var check = createContext();
                if (await check.Instances.AnyAsync(i => i.Id == instance.Id, ct))
                    throw new ConcurrencyConflictException(instance.Id, commit.ExpectedRevision);
                ExceptionDispatchInfo.Throw(failure);
            }
        }
        else
            await UpdateInstanceAsync(db, commit, ct);

        // Unchanged bookmarks (most commits: an answer applied, the next step dispatched) skip the query that diffs them.
        if (commit.BookmarksChanged || commit.ExpectedRevision == 0) await ReplaceBookmarksAsync(db, instance.Id, commit.Bookmarks, ct);
        await DeleteConsumedInboxAsync(db, instance.Id, commit.ConsumedInbox, ct);
        db.Journal.AddRange(commit.Journal.Select(j => j.ToEntity(instance.Id)));
        db.Logs.AddRange(commit.Logs.Select(l => l.ToEntity(instance.Id)));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Inserts the instance at revision 1; the error when the insert failed (most likely another writer's row with the same
    /// id: the caller decides outside the transaction). An existing row found up front is a conflict straight away.
    /// </summary>
    private static async Task<DbUpdateException?> TryInsertInstanceAsync(ElsaFlowDbContext db, InstanceCommit commit, CancellationToken ct)
    {
        var id = commit.Instance.Id;
        if (await db.Instances.AnyAsync(i => i.Id == id, ct))
            throw new ConcurrencyConflictException(id, commit.ExpectedRevision);
        db.Instances.Add(commit.Instance.ToEntity(revision: 1));
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException error)
        {
            db.ChangeTracker.Clear();
            return error;
        }
    }

    private static async Task UpdateInstanceAsync(ElsaFlowDbContext db, InstanceCommit commit, CancellationToken ct)
    {
        // A node that stalled past its lease while another took the instance over is fenced off: the stored lease must
        // be free or the committer's own (an expired one still counts until someone else takes or releases it).
        var updated = await InstanceUpdateStatement.For(db).ExecuteAsync(db, commit, ct);
        if (updated == 0)
            throw new ConcurrencyConflictException(commit.Instance.Id, commit.ExpectedRevision);
    }

    private static async Task DeleteConsumedInboxAsync(ElsaFlowDbContext db, string instanceId, IReadOnlyList<string> consumed, CancellationToken ct)
    {
        if (consumed.Count == 0) return;
        var ids = consumed.ToList();
        await db.Inbox.Where(e => e.InstanceId == instanceId && ids.Contains(e.Id)).ExecuteDeleteAsync(ct);
    }

    private static async Task ReplaceBookmarksAsync(ElsaFlowDbContext db, string instanceId, IReadOnlyList<BookmarkRecord> wanted, CancellationToken ct)
    {
        var stored = await db.Bookmarks.Where(b => b.InstanceId == instanceId).ToListAsync(ct);
        var wantedById = wanted.ToDictionary(b => b.Id, StringComparer.Ordinal);
        foreach (var entity in stored)
        {
            if (!wantedById.Remove(entity.Id, out var bookmark))
                db.Bookmarks.Remove(entity);
            else if (!entity.SameAs(bookmark))
                db.Entry(entity).CurrentValues.SetValues(bookmark.ToEntity(instanceId));
        }
        foreach (var bookmark in wantedById.Values)
        {
            // A bookmark id moving over from another instance: take it.
            var other = await db.Bookmarks.FindAsync([bookmark.Id], ct);
            if (other is not null)
            {
                db.Bookmarks.Remove(other);
                await db.SaveChangesAsync(ct);
            }
            db.Bookmarks.Add(bookmark.ToEntity(instanceId));
        }
    }
}
