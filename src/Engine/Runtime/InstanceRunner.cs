using System.Text.Json.Nodes;
using System.Threading.Channels;
using ElsaFlow.Engine.Expressions;
using ElsaFlow.Engine.Runtime.Graph;
using ElsaFlow.Engine.Runtime.State;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Engine.Runtime;

/// <summary>
/// The single-threaded orchestration loop of one instance. It owns the state document: it routes tokens, runs
/// control activities inline, hands code activities to the dispatcher, applies their answers and commits.
/// Split by concern: tokens, executions, frames, commits.
/// </summary>
internal sealed partial class InstanceRunner
{
    private readonly WorkflowRuntime _runtime;
    private readonly Channel<RunnerMessage> _inbox = Channel.CreateUnbounded<RunnerMessage>();
    private readonly Queue<ExecutionState> _startQueue = new();
    private readonly Queue<string> _idleFrames = new();
    private readonly Dictionary<string, FrameState> _frames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ExecutionState> _executions = new(StringComparer.Ordinal);
    private WorkflowState _state = null!;
    private WorkflowGraph _graph = null!;
    private IExpressionEngine _expressions = null!;
    private long _revision;
    private int _running;

    public InstanceRunner(WorkflowRuntime runtime, string instanceId)
    {
        _runtime = runtime;
        InstanceId = instanceId;
    }

    public string InstanceId { get; }
    public int PendingMessages => _inbox.Reader.Count;

    public void Post(RunnerMessage message) => _inbox.Writer.TryWrite(message);

    private TimeProvider Time => _runtime.Time;
    private DateTimeOffset Now => _runtime.Time.GetUtcNow();
    private bool IsTerminal => _state.Status is WorkflowStatus.Finished or WorkflowStatus.Faulted or WorkflowStatus.Cancelled;

    /// <summary>Runs a brand-new instance whose first commit has not happened yet.</summary>
    public Task RunNewAsync(WorkflowState state, WorkflowGraph graph, JsonNode? trigger = null) => RunAsync(() =>
    {
        Attach(state, graph, revision: 0);
        Journal(JournalKind.WorkflowStarted, null, message: $"version {state.DefinitionVersion}");
        StartExecution(_graph.Root, frameId: "", [], incoming: trigger);
        return Task.FromResult(true);
    });

    /// <summary>Loads a stored instance (taking its lease) and runs it until it waits or ends.</summary>
    public Task RunStoredAsync() => RunAsync(LoadAsync);

    private async Task RunAsync(Func<Task<bool>> attach)
    {
        var owned = false;
        try
        {
            owned = await attach();
            if (!owned) return;
            await LoopAsync();
        }
        catch (ConcurrencyConflictException)
        {
            // Another process took the instance over; it carries on from the store.
        }
        catch (Exception error) when (_state is not null && !IsTerminal)
        {
            await FailInternallyAsync(error);
        }
        finally
        {
            _expressions?.Dispose();
            FailWaitingMessages();
            if (owned) await _runtime.ReleaseAsync(this);
            else _runtime.Detach(this);
        }
    }

    private async Task LoopAsync()
    {
        await DrainInboxAsync();
        while (true)
        {
            await DrainAsync();
            if (IsTerminal)
            {
                await CommitAsync();
                if (_runtime.TryDetach(this)) return;
                await DrainInboxAsync();
                continue;
            }

            if (_running == 0 && _startQueue.Count == 0 && _state.Tokens.Count == 0)
            {
                SetStatus(WorkflowStatus.Suspended);
                await CommitAsync();
                if (_runtime.TryDetach(this)) return;
            }
            else
            {
                await FlushOutboxAsync();
            }

            Apply(await _inbox.Reader.ReadAsync());
            await DrainInboxAsync();
        }
    }

    private async Task DrainInboxAsync()
    {
        while (_inbox.Reader.TryRead(out var message))
        {
            Apply(message);
            await DrainAsync();
        }
    }

    private void Apply(RunnerMessage message)
    {
        switch (message)
        {
            case CompletedMessage completed: OnActivityCompleted(completed.Message); break;
            case FaultedMessage faulted: OnActivityFaulted(faulted.Message); break;
            case ResumeMessage resume: OnResume(resume); break;
            case CancelMessage cancel: OnCancel(cancel); break;
            case RetryMessage retry: OnRetry(retry); break;
        }
    }

    /// <summary>Processes everything that is ready without waiting on the outside: tokens, idle bodies, starts.</summary>
    private async Task DrainAsync()
    {
        while (!IsTerminal)
        {
            if (_state.Tokens.Count > 0)
            {
                var token = _state.Tokens[0];
                _state.Tokens.RemoveAt(0);
                Deliver(token);
            }
            else if (_idleFrames.Count > 0)
            {
                CompleteFrame(_idleFrames.Dequeue());
            }
            else if (_startQueue.Count > 0 && _running < _runtime.Options.MaxParallelActivities)
            {
                StartQueued(_startQueue.Dequeue());
            }
            else if (_childStarts.Count > 0)
            {
                await PrepareChildrenAsync();
            }
            else break;

            if (_completedSinceCommit > 0 && _runtime.Options.CommitPolicy == CommitPolicy.EachActivity)
                await FlushOutboxAsync(forceCommit: true);
        }
    }

    private void SetStatus(WorkflowStatus status)
    {
        if (_state.Status == status) return;
        _state.Status = status;
        foreach (var observer in _runtime.Observers) observer.OnInstanceStatusChanged(InstanceId, _state.DefinitionId, status);
    }

    private async Task<bool> LoadAsync()
    {
        if (!await _runtime.AcquireLeaseAsync(InstanceId)) return false;
        var record = await _runtime.Store.GetInstanceAsync(InstanceId) ?? throw new InstanceNotFoundException(InstanceId);
        var state = WorkflowStateSerializer.Deserialize(record.StateJson);
        var graph = await _runtime.Definitions.GetGraphAsync(state.DefinitionId, state.DefinitionVersion);
        Attach(state, graph, record.Revision);
        if (state.Status == WorkflowStatus.Running) Recover();
        return true;
    }

    private void Attach(WorkflowState state, WorkflowGraph graph, long revision)
    {
        _state = state;
        _graph = graph;
        _revision = revision;
        _expressions = _runtime.ExpressionEngines.Create();
        foreach (var frame in state.Frames) _frames[frame.Id] = frame;
        foreach (var execution in state.Executions) _executions[execution.Id] = execution;
    }

    /// <summary>The process that ran this instance died: what was in flight runs again, from the last commit.</summary>
    private void Recover()
    {
        Journal(JournalKind.WorkflowResumed, null, message: "recovered after the previous process stopped");
        foreach (var execution in _state.Executions.Where(e => e.Status is ExecutionStatus.Running or ExecutionStatus.Pending))
        {
            execution.Status = ExecutionStatus.Pending;
            _startQueue.Enqueue(execution);
        }
        foreach (var frame in _state.Frames) CheckFrame(frame.Id);
    }

    private async Task FailInternallyAsync(Exception error)
    {
        _state.Incident = new IncidentState { Message = $"Internal error: {error.Message}", Timestamp = Now };
        Journal(JournalKind.WorkflowFaulted, null, message: _state.Incident.Message);
        SetStatus(WorkflowStatus.Faulted);
        try { await CommitAsync(); } catch (Exception) { /* the store is gone too; the lease expiry recovers the instance */ }
    }

    private void FailWaitingMessages()
    {
        foreach (var reply in _repliesAfterCommit)
            reply.TrySetException(new InvalidInstanceStateException($"Instance '{InstanceId}' stopped before its change was committed; try again"));
        _repliesAfterCommit.Clear();
        while (_inbox.Reader.TryRead(out var message))
        {
            var reply = message switch { ResumeMessage r => r.Reply, CancelMessage c => c.Reply, RetryMessage r => r.Reply, _ => null };
            reply?.TrySetException(new InvalidInstanceStateException($"Instance '{InstanceId}' stopped before the request was handled; try again"));
        }
    }
}
