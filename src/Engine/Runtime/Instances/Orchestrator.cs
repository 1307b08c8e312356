using System.Text.Json.Nodes;
using ElsaFlow.Engine.ActivityModel;
using ElsaFlow.Engine.Dispatch;
using ElsaFlow.Engine.Expressions;
using ElsaFlow.Engine.Messages;
using ElsaFlow.Engine.Model;
using ElsaFlow.Engine.Runtime.Graph;
using ElsaFlow.Engine.Runtime.State;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Engine.Runtime.Instances;

/// <summary>
/// The orchestration semantics of one instance: activity executions from start to completion or fault, control
/// activities run inline, code activities handed to the dispatcher, and the answers applied. It only changes the
/// state (through <see cref="LiveWork"/>) and the commit buffer; the runner decides when to commit. Bodies and loops
/// are in <see cref="Bodies"/>, the instance-wide transitions in <see cref="Transitions"/>.
/// </summary>
internal sealed class Orchestrator
{
    private readonly Queue<ExecutionState> _startQueue = new();
    // When each dispatched execution was last heard of (dispatched, or a heartbeat of its worker); kept in memory only.
    private readonly Dictionary<string, DateTimeOffset> _heard = new(StringComparer.Ordinal);

    public Orchestrator(WorkflowRuntime runtime, WorkflowState state, WorkflowGraph graph, CommitBuffer buffer, IExpressionEngine expressions)
    {
        Runtime = runtime;
        State = state;
        Graph = graph;
        Buffer = buffer;
        Expressions = expressions;
        Work = new LiveWork(state);
        Router = new TokenRouter(state, Work, runtime.Options.MaxVisits);
        Journal = new InstanceJournal(state, graph, buffer, runtime.Observers, runtime.Time);
        Bodies = new Bodies(this);
        Transitions = new Transitions(this);
    }

    public WorkflowRuntime Runtime { get; }
    public WorkflowState State { get; }
    public WorkflowGraph Graph { get; }
    public CommitBuffer Buffer { get; }
    public IExpressionEngine Expressions { get; }
    public LiveWork Work { get; }
    public TokenRouter Router { get; }
    public InstanceJournal Journal { get; }
    public Bodies Bodies { get; }
    public Transitions Transitions { get; }
    public List<(ExecutionState Execution, ChildWorkflowRequest Request)> ChildRequests { get; } = [];

    /// <summary>Code activities dispatched and not answered yet.</summary>
    public int Running { get; set; }

    public DateTimeOffset Now => Runtime.Time.GetUtcNow();
    public string InstanceId => State.InstanceId;
    public bool IsTerminal => State.Status is WorkflowStatus.Finished or WorkflowStatus.Faulted or WorkflowStatus.Cancelled;

    /// <summary>Nothing runs, nothing is ready: the instance waits on the outside world (or on nothing: it is done).</summary>
    public bool IsQuiet => Running == 0 && _startQueue.Count == 0 && Work.TokenCount == 0;

    /// <summary>Does one piece of ready work (a token, an idle body, a queued start); false when there is none.</summary>
    public bool Step()
    {
        if (Work.TokenCount > 0)
        {
            Deliver(Work.TakeToken());
            return true;
        }
        if (Bodies.CompleteNextIdle()) return true;
        if (_startQueue.Count > 0 && Running < Runtime.Options.MaxParallelActivities)
        {
            StartQueued(_startQueue.Dequeue());
            return true;
        }
        return false;
    }

    public void ClearQueues()
    {
        _startQueue.Clear();
        Bodies.ClearIdle();
        Running = 0;
    }

    private void Deliver(TokenState token)
    {
        Buffer.MarkDirty();
        var route = Router.Deliver(token, Graph);
        switch (route.Kind)
        {
            case RouteKind.EndIteration:
                route.Iteration!.Result = token.Value?.DeepClone();
                Bodies.TearDownContents(route.Iteration.Id);
                Bodies.Check(route.Iteration.Id);
                return;
            case RouteKind.Start:
                StartExecution(route.Node!, route.FrameId, route.Incoming!, route.Value);
                break;
            case RouteKind.Fault:
                Transitions.FaultInstance(route.Node!, null, route.FaultMessage!);
                break;
        }
        Bodies.Check(token.FrameId);
    }

    /// <summary>A new execution of a node; it runs (or is queued, or waits for its delay) at once.</summary>
    public ExecutionState StartExecution(GraphNode node, string frameId, IReadOnlyList<IncomingToken> incomingTokens, JsonNode? incoming)
    {
        var execution = new ExecutionState
        {
            Id = State.NewId("x"),
            ActivityId = node.Id,
            FrameId = frameId,
            Status = ExecutionStatus.Pending,
            Incoming = incoming,
            IncomingTokens = incomingTokens.Count > 0 ? incomingTokens.ToList() : null
        };
        Work.AddExecution(execution);
        Schedule(execution, node);
        return execution;
    }

    /// <summary>Runs a pending execution: control activities inline, code activities through the start queue; waits first for a delay behaviour.</summary>
    public void Schedule(ExecutionState execution, GraphNode node)
    {
        if (node.Node.Behaviours.Delay is { } delay && delay > TimeSpan.Zero && !execution.Delayed)
        {
            execution.Delayed = true;
            execution.Status = ExecutionStatus.Scheduled;
            Transitions.AddBookmark(execution, BookmarkNames.ActivityDelay, null, Now + delay);
            Journal.Write(JournalKind.ActivityDelayed, execution, message: $"waiting {Duration.Format(delay)} before running");
            return;
        }
        Requeue(execution, node);
    }

    /// <summary>Runs a pending execution again now (no delay behaviour): recovery, retries without back-off.</summary>
    public void Requeue(ExecutionState execution, GraphNode node)
    {
        execution.Status = ExecutionStatus.Pending;
        if (node.IsControl) RunControl(execution, node, c => ((ControlActivity)node.Activity).Execute(c));
        else _startQueue.Enqueue(execution);
    }

    /// <summary>Queues an execution for the start queue without running control inline (recovery of what was in flight).</summary>
    public void Enqueue(ExecutionState execution) => _startQueue.Enqueue(execution);

    private void StartQueued(ExecutionState execution)
    {
        if (!Work.HasExecution(execution.Id) || execution.Status != ExecutionStatus.Pending) return;
        var node = Graph[execution.ActivityId];
        if (node.IsControl)
        {
            RunControl(execution, node, c => ((ControlActivity)node.Activity).Execute(c));
            return;
        }

        execution.StartedAt = Now;
        Journal.Write(JournalKind.ActivityStarted, execution);
        JsonObject inputs;
        try
        {
            inputs = InputEvaluator.EvaluateAll(node, Scope(execution), Expressions);
        }
        catch (Exception error) when (error is ExpressionException or InputConversionException)
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
        Running++;
        _heard[execution.Id] = Now;
        Buffer.Dispatch(new ExecuteActivity(new ActivityInvocation
        {
            InstanceId = InstanceId,
            ExecutionId = execution.Id,
            ActivityId = node.Id,
            ActivityType = activityType,
            Attempt = execution.Attempt,
            Inputs = inputs,
            Incoming = execution.Incoming,
            IncomingTokens = (IReadOnlyList<IncomingToken>?)execution.IncomingTokens ?? [],
            WorkflowInputs = State.Inputs,
            Timeout = node.Node.Behaviours.Timeout,
            WorkerGroup = node.Node.Behaviours.Worker,
            ResultReadOnce = node.ResultReadOnce,
            PreviewRows = State.Preview?.Rows
        }));
    }

    /// <summary>Runs a control activity callback inline and applies what it asked for.</summary>
    public void RunControl(ExecutionState execution, GraphNode node, Action<ControlContext> callback)
    {
        if (execution.StartedAt is null)
        {
            execution.StartedAt = Now;
            Journal.Write(JournalKind.ActivityStarted, execution);
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
        if (context.FinishOutputs is { } outputs) { CompleteExecution(execution, [Ports.Done], execution.Incoming, null); Transitions.Finish(outputs); return; }
        if (context.BreakRequested) { Bodies.BreakLoop(execution, node); return; }

        foreach (var bookmark in context.NewBookmarks)
        {
            Transitions.AddBookmark(execution, bookmark.Name, bookmark.MatchKey, bookmark.ResumeAt, bookmark.Id);
            Journal.Write(JournalKind.ActivitySuspended, execution, message: bookmark.MatchKey is null ? bookmark.Name : $"{bookmark.Name} '{bookmark.MatchKey}'");
        }
        if (context.NewBookmarks.Count > 0 && node.Node.Behaviours.Timeout is { } timeout && !Transitions.HasBookmark(execution, BookmarkNames.Timeout))
            Transitions.AddBookmark(execution, BookmarkNames.Timeout, null, Now + timeout);

        foreach (var (item, index) in context.Iterations) Bodies.Start(execution, node, item, index, iteration: true);
        if (context.ChildrenRequested) Bodies.Start(execution, node, execution.Incoming, 0, iteration: false);
        if (context.ChildWorkflow is { } child) ChildRequests.Add((execution, child));

        if (context.Code is { } code) DispatchCode(execution, node, code.ActivityType, code.Inputs);
        else if (context.Result is { } result) CompleteExecution(execution, result.Ports, result.Token, null, result.PortTokens);
        else if (!IsWaiting(execution) && context.ChildWorkflow is null) CompleteExecution(execution, [Ports.Done], execution.Incoming, null);
        else execution.Status = ExecutionStatus.Waiting;
    }

    private bool IsWaiting(ExecutionState execution) => Transitions.HasAnyBookmark(execution) || Work.OwnsFrames(execution.Id);

    /// <summary>
    /// The execution this answer is for, when it still waits for it: an answer of an earlier attempt (the activity was
    /// retried since) or a second copy of one already applied (a redelivered message) finds none and is ignored.
    /// </summary>
    private ExecutionState? AwaitedExecution(string executionId, int attempt) =>
        Work.TryGetExecution(executionId, out var execution) && execution.Status == ExecutionStatus.Running && execution.Attempt == attempt
            ? execution : null;

    /// <summary>Applies a code activity's answer; false when it was not awaited (duplicate, stale attempt, instance moved on).</summary>
    public bool OnCompleted(ActivityCompleted message)
    {
        if (IsTerminal || AwaitedExecution(message.ExecutionId, message.Attempt) is not { } execution) return false;
        Running--;
        WriteLogs(execution, message.Logs);
        var token = message.HasToken ? message.Token : execution.Incoming;
        var node = Graph[execution.ActivityId];
        if (node.IsControl)
        {
            // A control activity that handed work to a code activity (RunCode) hears the answer itself.
            execution.Status = ExecutionStatus.Waiting;
            RunControl(execution, node, c => ((ControlActivity)node.Activity).OnCodeCompleted(c, new CodeResult(message.Ports, token, message.PortTokens)));
            return true;
        }
        CompleteExecution(execution, message.Ports, token, message.Outputs, message.PortTokens, message.NodeId);
        return true;
    }

    public bool OnFaulted(ActivityFaulted message)
    {
        if (IsTerminal || AwaitedExecution(message.ExecutionId, message.Attempt) is not { } execution) return false;
        Running--;
        WriteLogs(execution, message.Logs);
        HandleFault(execution, message.Message, message.NodeId);
        return true;
    }

    public void CompleteExecution(ExecutionState execution, IReadOnlyList<string> ports, JsonNode? token, JsonObject? outputs,
        IReadOnlyDictionary<string, JsonNode?>? portTokens = null, string? nodeId = null)
    {
        var node = Graph[execution.ActivityId];
        var output = Output(token, outputs);
        Journal.Write(JournalKind.ActivityCompleted, execution, port: string.Join(",", ports), duration: Now - (execution.StartedAt ?? Now),
            rowCount: RowCount(output), nodeId: nodeId, outputs: outputs);
        State.ActivityOutputs[node.Id] = output;
        RemoveExecution(execution);
        Buffer.CountCompleted();

        if (node.Container is null)
        {
            Transitions.Finish(null);
            return;
        }
        if (State.Preview?.ActivityId == node.Id)
        {
            // A preview stops at its activity; what it produced is the instance's output.
            Transitions.Finish(new JsonObject { ["preview"] = output?.DeepClone() });
            return;
        }
        Router.Emit(node, execution.FrameId, ports, token, portTokens);
        Bodies.Check(execution.FrameId);
    }

    public void HandleFault(ExecutionState execution, string message, string? nodeId = null)
    {
        var node = Graph[execution.ActivityId];
        Journal.Write(JournalKind.ActivityFaulted, execution, message: message, duration: Now - (execution.StartedAt ?? Now), nodeId: nodeId);
        Transitions.RemoveBookmarksOf(execution);

        var decision = FaultPolicy.Decide(node.Node.Behaviours, execution.Attempt);
        switch (decision.Action)
        {
            case FaultAction.Retry:
                execution.Attempt = decision.NextAttempt;
                Journal.Write(JournalKind.ActivityRetrying, execution,
                    message: $"attempt {execution.Attempt} of {node.Node.Behaviours.Retry!.Attempts} in {Duration.Format(decision.Delay)}");
                execution.StartedAt = null;
                if (decision.Delay > TimeSpan.Zero)
                {
                    execution.Status = ExecutionStatus.Scheduled;
                    Transitions.AddBookmark(execution, BookmarkNames.Retry, null, Now + decision.Delay);
                }
                else Requeue(execution, node);
                break;
            case FaultAction.Continue:
                Journal.Log(execution.ActivityId, $"{message} (continuing: onError is continue)", "Warning");
                CompleteExecution(execution, [Ports.Done], execution.Incoming, null);
                break;
            case FaultAction.ErrorPort:
                var error = new JsonObject { ["message"] = message, ["activityId"] = node.Id, ["activityType"] = node.Node.Type, ["attempt"] = execution.Attempt };
                CompleteExecution(execution, [Ports.Error], error, null);
                break;
            default:
                Transitions.FaultInstance(node, execution, message);
                break;
        }
    }

    public void RemoveExecution(ExecutionState execution)
    {
        _heard.Remove(execution.Id);
        Work.RemoveExecution(execution);
        Transitions.RemoveBookmarksOf(execution);
    }

    /// <summary>
    /// Starts again what was in flight when the instance was last committed (after a crash). With
    /// <paramref name="keepDispatched"/> (activities run elsewhere and their answers survive the crash on the bus), what
    /// was dispatched stays dispatched: it is waited for, and dispatched again only if nobody hears from it.
    /// </summary>
    public void RestartInFlight(bool keepDispatched)
    {
        foreach (var execution in Work.Executions.Where(e => e.Status is ExecutionStatus.Running or ExecutionStatus.Pending).ToList())
        {
            if (keepDispatched && execution.Status == ExecutionStatus.Running)
            {
                Running++;
                _heard[execution.Id] = Now;
                continue;
            }
            execution.Status = ExecutionStatus.Pending;
            _startQueue.Enqueue(execution);
        }
        foreach (var frame in Work.Frames.ToList()) Bodies.Check(frame.Id);
    }

    /// <summary>The worker running an execution reported that it still is.</summary>
    public void Heard(string executionId, int attempt)
    {
        if (AwaitedExecution(executionId, attempt) is not null) _heard[executionId] = Now;
    }

    /// <summary>Dispatches again what no worker has reported on for <paramref name="silence"/>; how many.</summary>
    public int RedispatchSilent(TimeSpan silence)
    {
        var redispatched = 0;
        foreach (var execution in Work.Executions.Where(e => e.Status == ExecutionStatus.Running).ToList())
        {
            if (_heard.TryGetValue(execution.Id, out var heard) && Now - heard < silence) continue;
            Journal.Log(execution.ActivityId, $"no word from the worker running this activity for {Duration.Format(silence)}: dispatched again", "Warning");
            Running--;
            execution.Status = ExecutionStatus.Pending;
            _startQueue.Enqueue(execution);
            redispatched++;
        }
        return redispatched;
    }

    /// <summary>The names an expression of this execution sees.</summary>
    public ExpressionScope Scope(ExecutionState execution)
    {
        var iteration = Work.InnermostIteration(execution.FrameId);
        return new ExpressionScope
        {
            Inputs = State.Inputs,
            Variables = State.Variables,
            Outputs = State.ActivityOutputs,
            Incoming = execution.Incoming,
            Loop = iteration is null ? null : new LoopItem(iteration.Item, iteration.Index, iteration.Item is JsonObject row ? row : null),
            DefinitionId = State.DefinitionId,
            ActivityId = execution.ActivityId
        };
    }

    public void SetVariable(string name, JsonNode? value)
    {
        State.Variables[name] = value is null ? null : value.Parent is null ? value : value.DeepClone();
        Buffer.MarkDirty();
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
        foreach (var line in lines) Journal.Log(execution.ActivityId, line.Message, line.Level, line.Timestamp);
    }
}
