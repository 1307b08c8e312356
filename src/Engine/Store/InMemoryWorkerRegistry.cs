using System.Collections.Concurrent;

namespace ElsaFlow.Engine.Store;

/// <summary>The registry of one process (tests, the command line): it only ever holds this process.</summary>
public sealed class InMemoryWorkerRegistry : IWorkerRegistry
{
    private readonly ConcurrentDictionary<string, WorkerRecord> _workers = new(StringComparer.Ordinal);

    public Task HeartbeatAsync(WorkerRecord worker, CancellationToken ct = default)
    {
        _workers[worker.NodeId] = worker;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<WorkerRecord>> ListAsync(DateTimeOffset seenSince, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<WorkerRecord>>(_workers.Values.Where(w => w.LastSeen >= seenSince).OrderBy(w => w.NodeId, StringComparer.Ordinal).ToList());
}
