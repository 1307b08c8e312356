using ElsaFlow.Engine.Messages;

namespace ElsaFlow.Engine.Dispatch;

/// <summary>The one boundary between orchestration and activity work: in process by default, over a message bus when distributed.</summary>
public interface IActivityDispatcher
{
    /// <summary>
    /// Hands the work over and returns; the answer arrives later through <see cref="IActivityResultSink"/>. May return a
    /// note for the instance's log: why the work will wait (no live worker of its group), say.
    /// </summary>
    ValueTask<string?> DispatchAsync(ExecuteActivity command, CancellationToken ct = default);

    /// <summary>Asks a running execution to stop (instance cancelled or finished early); best effort.</summary>
    void Cancel(string executionId);

    /// <summary>Called once by the runtime that hears the answers of what runs in this process.</summary>
    void Attach(IActivityResultSink sink) { }
}

/// <summary>Where dispatchers deliver activity answers (the runtime).</summary>
public interface IActivityResultSink
{
    ValueTask OnCompletedAsync(ActivityCompleted message);
    ValueTask OnFaultedAsync(ActivityFaulted message);
}
