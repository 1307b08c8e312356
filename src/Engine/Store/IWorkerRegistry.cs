namespace ElsaFlow.Engine.Store;

/// <summary>The nodes of a cluster as their heartbeats left them, shared by every node on one store.</summary>
public interface IWorkerRegistry
{
    /// <summary>Inserts or replaces the node's record.</summary>
    Task HeartbeatAsync(WorkerRecord worker, CancellationToken ct = default);

    /// <summary>Nodes seen at or after <paramref name="seenSince"/>, by node id.</summary>
    Task<IReadOnlyList<WorkerRecord>> ListAsync(DateTimeOffset seenSince, CancellationToken ct = default);
}
