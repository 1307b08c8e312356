using System.Threading.Channels;
using ElsaFlow.Engine.Dispatch;
using ElsaFlow.Engine.Messages;

namespace ElsaFlow.Engine.Tests.Support;

/// <summary>A dispatcher that only records the work it is given: the test plays the worker and answers (or does not).</summary>
public sealed class ManualDispatcher : IActivityDispatcher
{
    private readonly Channel<ExecuteActivity> _sent = Channel.CreateUnbounded<ExecuteActivity>();

    public ValueTask<string?> DispatchAsync(ExecuteActivity command, CancellationToken ct = default)
    {
        _sent.Writer.TryWrite(command);
        return ValueTask.FromResult<string?>(null);
    }

    public void Cancel(string executionId) { }

    /// <summary>The next command sent, within 20 s.</summary>
    public async Task<ExecuteActivity> NextAsync() => await _sent.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));

    public bool TryNext(out ExecuteActivity command) => _sent.Reader.TryRead(out command!);

    public static ActivityCompleted Completed(ExecuteActivity command, string nodeId = "worker-1") => new()
    {
        InstanceId = command.Invocation.InstanceId, ExecutionId = command.Invocation.ExecutionId, Attempt = command.Invocation.Attempt,
        NodeId = nodeId, Ports = ["Done"], Token = System.Text.Json.Nodes.JsonValue.Create(command.Invocation.Attempt), HasToken = true
    };

    public static ActivityFaulted Faulted(ExecuteActivity command, string message = "boom") => new()
    {
        InstanceId = command.Invocation.InstanceId, ExecutionId = command.Invocation.ExecutionId, Attempt = command.Invocation.Attempt,
        NodeId = "worker-1", Message = message
    };
}
