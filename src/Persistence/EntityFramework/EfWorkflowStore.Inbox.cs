using ElsaFlow.Engine.Store;
using Microsoft.EntityFrameworkCore;

namespace ElsaFlow.Persistence.EntityFramework;

/// <summary>The instances' inbox (instance_inbox); the commit writers delete the entries a commit consumed.</summary>
public sealed partial class EfWorkflowStore
{
    public async Task AppendInboxAsync(InboxEntry entry, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (await HasInboxEntryAsync(entry, ct)) return;
        await using var db = createContext();
        db.Inbox.Add(entry.ToEntity());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique (InstanceId, Id) index refused it: the same entry, redelivered to another node, was appended
            // there between the check and the insert. Anything else is a real failure.
            if (!await HasInboxEntryAsync(entry, ct)) throw;
        }
    }

    public async Task<IReadOnlyList<InboxEntry>> ListInboxAsync(string instanceId, CancellationToken ct = default)
    {
        await using var db = createContext();
        var entities = await db.Inbox.AsNoTracking().Where(e => e.InstanceId == instanceId).OrderBy(e => e.Position).ToListAsync(ct);
        return entities.Select(e => e.ToRecord()).ToList();
    }

    private async Task<bool> HasInboxEntryAsync(InboxEntry entry, CancellationToken ct)
    {
        await using var db = createContext();
        return await db.Inbox.AnyAsync(e => e.InstanceId == entry.InstanceId && e.Id == entry.Id, ct);
    }
}
