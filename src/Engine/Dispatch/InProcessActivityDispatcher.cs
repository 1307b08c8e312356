using System.Collections.Concurrent;
using ElsaFlow.Engine.Messages;

namespace ElsaFlow.Engine.Dispatch;

/// <summary>Runs activities on the thread pool of this process and answers the runtime directly.</summary>
public sealed class InProcessActivityDispatcher(ActivityExecutor executor) : IActivityDispatcher
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _running = new();

    /// <summary>Set by the runtime that owns this dispatcher.</summary>
    public IActivityResultSink? Sink { get; set; }

    public void Attach(IActivityResultSink sink) => Sink ??= sink;

    public ValueTask<string?> DispatchAsync(ExecuteActivity command, CancellationToken ct = default)
    {
        var sink = Sink ?? throw new InvalidOperationException("The in-process dispatcher has no result sink");
        var cancellation = new CancellationTokenSource();
        _running[command.Invocation.ExecutionId] = cancellation;
        // The activity runs outside the orchestration loop: that is the point of dispatching it.
        _ = Task.Run(async () =>
        {
            try
            {
                var answer = await executor.ExecuteAsync(command, cancellation.Token);
                if (answer is ActivityCompleted completed) await sink.OnCompletedAsync(completed);
                else await sink.OnFaultedAsync((ActivityFaulted)answer);
            }
            finally
            {
                _running.TryRemove(command.Invocation.ExecutionId, out _);
                cancellation.Dispose();
            }
        }, CancellationToken.None);
        return ValueTask.FromResult<string?>(null);
    }

    public void Cancel(string executionId)
    {
        if (_running.TryGetValue(executionId, out var cancellation))
            try { cancellation.Cancel(); } catch (ObjectDisposedException) { }
    }
}
