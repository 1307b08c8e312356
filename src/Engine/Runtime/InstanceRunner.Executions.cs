using System.Text.Json.Nodes;
using ElsaFlow.Engine.ActivityModel;
using ElsaFlow.Engine.Dispatch;
using ElsaFlow.Engine.Model;
using ElsaFlow.Engine.Runtime.Graph;
using ElsaFlow.Engine.Runtime.State;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Engine.Runtime;

/// <summary>Activity executions: start, run control activities inline, dispatch code activities, complete, fault, retry.</summary>
internal sealed partial class InstanceRunner
{
    private readonly List<ExecuteActivity> _outbox = [];

    private void StartExecution(GraphNode node, string frameId, IReadOnlyList<IncomingToken> incomingTokens, JsonNode? incoming)
    {
        var execution = new ExecutionState
        {
            Id = _state.NewId("x"),
            ActivityId = node.Id,
            FrameId = frameId,
            Status = ExecutionStatus.Pending,
            Incoming = incoming,
            IncomingTokens = incomingTokens.Count > 0 ? incomingTokens.ToList() : null
        };
        _state.Executions.Add(execution);
        _executions[execution.Id] = execution;
        Schedule(execution, node);
    }

    private void Schedule(ExecutionState execution, GraphNode node)
    {
        if (node.Node.Behaviours.Delay is { } delay && delay > TimeSpan.Zero && !execution.Delayed)
        {
            execution.Delayed = true;
            execution.Status = ExecutionStatus.Scheduled;
            AddBookmark(execution, BookmarkNames.ActivityDelay, null, Now + delay);
            Journal(JournalKind.ActivityDelayed, execution, message: $"waiting {Duration.Format(delay)} before running");
            return;
        }

        execution.Status = ExecutionStatus.Pending;
        if (node.IsControl) RunControl(execution, node, c => ((ControlActivity)node.Activity).Execute(c));
        else _startQueue.Enqueue(execution);
    }

    private void StartQueued(ExecutionState execution)
    {
        if (!_executions.ContainsKey(execution.Id) || execution.Status != ExecutionStatus.Pending) return;
        var node = _graph[execution.ActivityId];
        if (node.IsControl)
        {
            RunControl(execution, node, c => ((ControlActivity)node.Activity).Execute(c));
            return;
        }

        execution.StartedAt = Now;
        Journal(JournalKind.ActivityStarted, execution);
        JsonObject inputs;
        try
        {
            inputs = InputEvaluator.EvaluateAll(node, Scope(execution), _expressions);
        }
        catch (Exception error) when (error is ElsaFlow.Engine.Expressions.ExpressionException or InputConversionException)
        {
            HandleFault(execution, error.Message);
            return;
        }

        DispatchCode(execution, node, node.Node.Type, inputs);
    }

    /// <summary>Hands an execution to the dispatcher (after the next commit) as a code activity of the given type.</summary>
    private void DispatchCode(ExecutionState execution, GraphNode node, string activityType, JsonObject inputs)
    {
        execution.Status = ExecutionStatus.Running;
        _running++;
        _outbox.Add(new ExecuteActivity(new ActivityInvocation
        {
            InstanceId = InstanceId,
            ExecutionId = execution.Id,
            ActivityId = node.Id,
            ActivityType = activityType,
            Attempt = execution.Attempt,
            Inputs = inputs,
            Incoming = execution.Incoming,
            IncomingTokens = (IReadOnlyList<IncomingToken>?)execution.IncomingTokens ?? [],
            WorkflowInputs = _state.Inputs,
            Timeout = node.Node.Behaviours.Timeout,
            WorkerGroup = node.Node.Behaviours.Worker,
            ResultReadOnce = node.ResultReadOnce,
            PreviewRows = _state.Preview?.Rows
        }));
    }

    /// <summary>Runs a control activity callback inline and applies what it asked for.</summary>
    private void RunControl(ExecutionState execution, GraphNode node, Action<ControlContext> callback)
    {
        var fresh = execution.StartedAt is null;
        if (fresh)
        {
            execution.StartedAt = Now;
            Journal(JournalKind.ActivityStarted, execution);
        }
        var context = new RunnerControlContext(this, execution, node);
        try
        {
            callback(context);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            HandleFault(execution, error.Message);
            return;
        }
        ApplyControl(execution, node, context);
    }

    private void ApplyControl(ExecutionState execution, GraphNode node, RunnerControlContext context)
    {
        if (context.FaultMessage is { } fault) { HandleFault(execution, fault); return; }
        if (context.FinishOutputs is { } outputs) { CompleteExecution(execution, [Ports.Done], execution.Incoming, null); FinishInstance(outputs); return; }
        if (context.BreakRequested) { BreakLoop(execution, node); return; }

        foreach (var bookmark in context.NewBookmarks)
        {
            AddBookmark(execution, bookmark.Name, bookmark.MatchKey, bookmark.ResumeAt, bookmark.Id);
            Journal(JournalKind.ActivitySuspended, execution, message: bookmark.MatchKey is null ? bookmark.Name : $"{bookmark.Name} '{bookmark.MatchKey}'");
        }
        if (context.NewBookmarks.Count > 0 && node.Node.Behaviours.Timeout is { } timeout && !HasBookmark(execution, BookmarkNames.Timeout))
            AddBookmark(execution, BookmarkNames.Timeout, null, Now + timeout);

        foreach (var (item, index) in context.Iterations) StartBody(execution, node, item, index, iteration: true);
        if (context.ChildrenRequested) StartBody(execution, node, execution.Incoming, 0, iteration: false);
        if (context.ChildWorkflow is { } child) _childStarts.Add((execution, child));

        if (context.Code is { } code) DispatchCode(execution, node, code.ActivityType, code.Inputs);
        else if (context.Result is { } result) CompleteExecution(execution, result.Ports, result.Token, null, result.PortTokens);
        else if (!IsWaiting(execution) && context.ChildWorkflow is null) CompleteExecution(execution, [Ports.Done], execution.Incoming, null);
        else execution.Status = ExecutionStatus.Waiting;
    }

    private bool IsWaiting(ExecutionState execution)
    {
        foreach (var bookmark in _state.Bookmarks) if (bookmark.ExecutionId == execution.Id) return true;
        foreach (var frame in _state.Frames) if (frame.OwnerExecutionId == execution.Id) return true;
        return false;
    }

    private void OnActivityCompleted(ActivityCompleted message)
    {
        if (!_executions.TryGetValue(message.ExecutionId, out var execution) || execution.Status != ExecutionStatus.Running) return;
        _running--;
        WriteLogs(execution, message.Logs);
        var token = message.HasToken ? message.Token : execution.Incoming;
        if (_graph[execution.ActivityId].IsControl)
        {
            // A control activity that handed work to a code activity (RunCode) hears the answer itself.
            var node = _graph[execution.ActivityId];
            execution.Status = ExecutionStatus.Waiting;
            RunControl(execution, node, c => ((ControlActivity)node.Activity).OnCodeCompleted(c, new CodeResult(message.Ports, token, message.PortTokens)));
            return;
        }
        CompleteExecution(execution, message.Ports, token, message.Outputs, message.PortTokens);
    }

    private void OnActivityFaulted(ActivityFaulted message)
    {
        if (!_executions.TryGetValue(message.ExecutionId, out var execution) || execution.Status != ExecutionStatus.Running) return;
        _running--;
        WriteLogs(execution, message.Logs);
        HandleFault(execution, message.Message);
    }

    private void CompleteExecution(ExecutionState execution, IReadOnlyList<string> ports, JsonNode? token, JsonObject? outputs,
        IReadOnlyDictionary<string, JsonNode?>? portTokens = null)
    {
        var node = _graph[execution.ActivityId];
        var output = Output(token, outputs);
        Journal(JournalKind.ActivityCompleted, execution, port: string.Join(",", ports), duration: Now - (execution.StartedAt ?? Now), rowCount: RowCount(output),
            outputs: outputs);
        _state.ActivityOutputs[node.Id] = output;
        RemoveExecution(execution);
        _completedSinceCommit++;

        if (node.Container is null)
        {
            FinishInstance(null);
            return;
        }
        if (_state.Preview?.ActivityId == node.Id)
        {
            // A preview stops at its activity; what it produced is the instance's output.
            FinishInstance(new JsonObject { ["preview"] = output?.DeepClone() });
            return;
        }
        EmitTokens(node, execution.FrameId, ports, token, portTokens);
        CheckFrame(execution.FrameId);
    }

    private void HandleFault(ExecutionState execution, string message)
    {
        var node = _graph[execution.ActivityId];
        Journal(JournalKind.ActivityFaulted, execution, message: message, duration: Now - (execution.StartedAt ?? Now));
        RemoveBookmarksOf(execution);

        if (node.Node.Behaviours.Retry is { } retry && execution.Attempt < retry.Attempts)
        {
            execution.Attempt++;
            var delay = retry.DelayBefore(execution.Attempt);
            Journal(JournalKind.ActivityRetrying, execution, message: $"attempt {execution.Attempt} of {retry.Attempts} in {Duration.Format(delay)}");
            execution.StartedAt = null;
            if (delay > TimeSpan.Zero)
            {
                execution.Status = ExecutionStatus.Scheduled;
                AddBookmark(execution, BookmarkNames.Retry, null, Now + delay);
            }
            else
            {
                execution.Status = ExecutionStatus.Pending;
                if (node.IsControl) RunControl(execution, node, c => ((ControlActivity)node.Activity).Execute(c));
                else _startQueue.Enqueue(execution);
            }
            return;
        }

        switch (node.Node.Behaviours.OnError)
        {
            case OnErrorMode.Continue:
                Log(execution.ActivityId, $"{message} (continuing: onError is continue)", "Warning");
                CompleteExecution(execution, [Ports.Done], execution.Incoming, null);
                break;
            case OnErrorMode.Port:
                var error = new JsonObject { ["message"] = message, ["activityId"] = node.Id, ["activityType"] = node.Node.Type, ["attempt"] = execution.Attempt };
                CompleteExecution(execution, [Ports.Error], error, null);
                break;
            default:
                FaultInstance(node, execution, message);
                break;
        }
    }

    private void RemoveExecution(ExecutionState execution)
    {
        _state.Executions.Remove(execution);
        _executions.Remove(execution.Id);
        RemoveBookmarksOf(execution);
    }

    /// <summary>
    /// An activity's output as expressions, previews and the state see it: its token with the named outputs it set added
    /// (an output's dataset with the files it wrote), or those outputs alone when the token is not an object.
    /// </summary>
    private static JsonNode? Output(JsonNode? token, JsonObject? outputs)
    {
        if (outputs is null) return token;
        if (token is not JsonObject tokenObject) return outputs;
        var output = tokenObject.DeepClone().AsObject();
        foreach (var (name, value) in outputs) output[name] = value?.DeepClone();
        return output;
    }

    /// <summary>Row count of a dataset token (any output object with a numeric rowCount), for the journal.</summary>
    private static long? RowCount(JsonNode? output) =>
        output is JsonObject o && o.TryGetPropertyValue("rowCount", out var n) && n is JsonValue v && v.TryGetValue<long>(out var count) ? count : null;

    private void WriteLogs(ExecutionState execution, IReadOnlyList<ActivityLogLine> lines)
    {
        foreach (var line in lines) Log(execution.ActivityId, line.Message, line.Level, line.Timestamp);
    }
}
