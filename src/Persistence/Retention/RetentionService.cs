using ElsaFlow.Engine.Store;

namespace ElsaFlow.Persistence.Retention;

/// <summary>
/// Deletes ended instances older than the configured age with their bookmarks, journal and log. The instance's
/// workspace belongs to the data plane, which this project does not know: the caller passes
/// <c>deleteWorkspace</c> (e.g. DataWorkspaces.Delete). It runs before the instance is deleted, so a workspace that
/// cannot be deleted leaves its instance in place for the next run instead of being forgotten.
/// </summary>
public sealed class RetentionService(IWorkflowStore store, RetentionOptions options, TimeProvider time)
{
    /// <summary>Deletes every expired instance; returns their ids, oldest first per status.</summary>
    public async Task<IReadOnlyList<string>> DeleteExpiredAsync(
        Func<string, CancellationToken, Task>? deleteWorkspace = null, CancellationToken ct = default)
    {
        if (options.BatchSize <= 0)
            throw new InvalidOperationException("RetentionOptions.BatchSize must be positive");
        var now = time.GetUtcNow();
        var deleted = new List<string>();
        foreach (var (status, maxAge) in Ages())
        {
            var cutoff = now - maxAge;
            while (true)
            {
                var expired = await ListExpiredAsync(status, cutoff, ct);
                foreach (var id in expired)
                {
                    if (deleteWorkspace is not null)
                        await deleteWorkspace(id, ct);
                    if (await store.DeleteInstanceAsync(id, ct))
                        deleted.Add(id);
                }
                if (expired.Count < options.BatchSize)
                    break;
            }
        }
        return deleted;
    }

    private IEnumerable<(WorkflowStatus Status, TimeSpan MaxAge)> Ages()
    {
        yield return (WorkflowStatus.Finished, options.MaxAge);
        yield return (WorkflowStatus.Cancelled, options.MaxAge);
        if (!options.KeepFaulted)
            yield return (WorkflowStatus.Faulted, options.FaultedMaxAge ?? options.MaxAge);
    }

    private async Task<IReadOnlyList<string>> ListExpiredAsync(WorkflowStatus status, DateTimeOffset cutoff, CancellationToken ct)
    {
        if (store is IInstanceRetentionStore indexed)
            return await indexed.ListExpiredInstancesAsync(status, cutoff, options.BatchSize, ct);

        // Any other store (the in-memory one): page through the status, keep what ended before the cutoff.
        var expired = new List<(string Id, DateTimeOffset EndedAt)>();
        for (var skip = 0; ; skip += options.BatchSize)
        {
            var page = await store.ListInstancesAsync(new InstanceQuery { Status = status, Skip = skip, Take = options.BatchSize }, ct);
            expired.AddRange(page.Items.Select(i => (i.Id, EndedAt: i.FinishedAt ?? i.UpdatedAt)).Where(i => i.EndedAt < cutoff));
            if (page.Items.Count < options.BatchSize)
                break;
        }
        return expired.OrderBy(i => i.EndedAt).Take(options.BatchSize).Select(i => i.Id).ToList();
    }
}
