using System.Collections.Concurrent;

namespace ElsaFlow.Cluster.Workers;

/// <summary>The activities this node runs right now: counted for its heartbeat, cancellable by execution id.</summary>
public sealed class WorkerLoad
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _running = new(StringComparer.Ordinal);

    public int Running => _running.Count;

    /// <summary>Registers an execution; dispose the lease when it ends. Its token fires when someone cancels the execution.</summary>
    public Lease Begin(string executionId, CancellationToken consumerToken)
    {
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(consumerToken);
        _running[executionId] = cancellation;
        return new Lease(this, executionId, cancellation);
    }

    public void Cancel(string executionId)
    {
        if (_running.TryGetValue(executionId, out var cancellation))
            try { cancellation.Cancel(); } catch (ObjectDisposedException) { }
    }

    /// <summary>One running execution; ending it takes it off the count.</summary>
    public sealed class Lease(WorkerLoad load, string executionId, CancellationTokenSource cancellation) : IDisposable
    {
        public CancellationToken Token => cancellation.Token;

        public void Dispose()
        {
            load._running.TryRemove(new KeyValuePair<string, CancellationTokenSource>(executionId, cancellation));
            cancellation.Dispose();
        }
    }
}
