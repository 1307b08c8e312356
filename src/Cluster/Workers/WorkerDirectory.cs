using ElsaFlow.Engine.Store;

namespace ElsaFlow.Cluster.Workers;

/// <summary>
/// Which nodes are alive, from the registry's heartbeats (read at most every couple of seconds): a node is live when it
/// was seen within three heartbeat intervals and did not say goodbye.
/// </summary>
public sealed class WorkerDirectory(IWorkerRegistry registry, ClusterOptions options, TimeProvider time)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);
    private IReadOnlyList<WorkerRecord> _cached = [];
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    public TimeSpan LiveWithin => options.HeartbeatInterval * 3;

    public bool IsLive(WorkerRecord worker) => worker.StoppedAt is null && worker.LastSeen >= time.GetUtcNow() - LiveWithin;

    /// <summary>True when some live node runs activities of this group (null: unpinned activities).</summary>
    public async Task<bool> HasLiveWorkerAsync(string? group, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        if (now - _readAt > CacheFor)
        {
            _cached = await registry.ListAsync(now - LiveWithin, ct);
            _readAt = now;
        }
        return _cached.Any(w => IsLive(w) && w.Role is "All" or "Worker" && (group is null || w.Groups.Contains(group, StringComparer.Ordinal)));
    }
}
