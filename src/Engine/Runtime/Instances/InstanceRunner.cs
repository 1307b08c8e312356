using System.Threading.Channels;
using ElsaFlow.Engine.Expressions;
using ElsaFlow.Engine.Messages;
using ElsaFlow.Engine.Runtime.Graph;
using ElsaFlow.Engine.Runtime.State;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Engine.Runtime.Instances;

/// <summary>
/// The single-threaded orchestration loop of one instance: it takes the instance's lease, applies what arrives in its
/// inbox (activity answers, resumes, cancel, retry) through the <see cref="Orchestrator"/>, works off what is ready,
/// and commits at the points the commit policy names. It stops when the instance ends or waits and nothing is left
/// in its inbox.
/// </summary>
internal sealed class InstanceRunner(WorkflowRuntime runtime, string instanceId, bool waitForLease)
{
    private readonly Channel<RunnerMessage> _inbox = Channel.CreateUnbounded<RunnerMessage>();
    private readonly CommitBuffer _buffer = new();
    private Orchestrator _instance = null!;
    private IExpressionEngine? _expressions;
    private ITimer? _watchdog;
    private long _revision;

    public string InstanceId { get; } = instanceId;
    public int PendingMessages => _inbox.Reader.Count;

    public void Post(RunnerMessage message) => _inbox.Writer.TryWrite(message);

    /// <summary>Runs an instance whose first commit (<see cref="WorkflowRuntime"/>'s create) just happened: its state is at hand.</summary>
    public Task RunCreatedAsync(WorkflowState state, WorkflowGraph graph) => RunAsync(() =>
    {
        Attach(state, graph, revision: 1);
        _buffer.Committed();
        _instance.RestartInFlight(keepDispatched: false);
        return Task.FromResult(true);
    });

    /// <summary>Loads a stored instance (taking its lease) and runs it until it waits or ends.</summary>
    public Task RunStoredAsync() => RunAsync(LoadAsync);

    private bool IsTerminal => _instance.IsTerminal;

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
        catch (Exception error) when (_instance is not null && !IsTerminal)
        {
            await FailInternallyAsync(error);
        }
        finally
        {
            _watchdog?.Dispose();
            _expressions?.Dispose();
            FailWaitingMessages();
            if (owned) await runtime.ReleaseAsync(this);
            else runtime.Detach(this);
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
                if (runtime.TryDetach(this)) return;
                await DrainInboxAsync();
                continue;
            }

            if (_instance.IsQuiet)
            {
                _instance.Transitions.SetStatus(WorkflowStatus.Suspended);
                await CommitAsync();
                if (runtime.TryDetach(this)) return;
            }
            else
            {
                await FlushAsync();
            }

            await _inbox.Reader.WaitToReadAsync();
            await DrainInboxAsync();
        }
    }

    private async Task DrainInboxAsync()
    {
        // What arrived together is applied before the work it unblocks runs, and committed with it: one commit records a
        // whole batch of answers (many workers at once) and the work they dispatch. Nothing is lost by waiting: an answer
        // is acknowledged only after that commit, and nothing leaves before it.
        var any = false;
        while (_inbox.Reader.TryRead(out var message))
        {
            await ApplyAsync(message);
            any = true;
        }
        if (!any) return;
        _buffer.DeferCompleted();
        await DrainAsync();
    }

    private async Task ApplyAsync(RunnerMessage message)
    {
        switch (message)
        {
            case InboxMessage:
                await ReadStoredInboxAsync();
                break;
            case HeartbeatMessage heartbeat:
                _instance.Heard(heartbeat.ExecutionId, heartbeat.Attempt);
                break;
            case WatchdogMessage when runtime.Options.ExecutionHeartbeatTimeout is { } silence:
                _instance.RedispatchSilent(silence);
                break;
            case CompletedMessage completed:
                Acknowledge(_instance.OnCompleted(completed.Message), completed.Applied);
                break;
            case FaultedMessage faulted:
                Acknowledge(_instance.OnFaulted(faulted.Message), faulted.Applied);
                break;
            case ResumeMessage resume:
                if (_instance.Transitions.Resume(resume.BookmarkId, resume.Payload)) resume.Reply.TrySetResult();
                else resume.Reply.TrySetException(new BookmarkConflictException(
                    $"Bookmark '{resume.BookmarkId}' of instance '{InstanceId}' was already resumed or is no longer waiting"));
                break;
            case CancelMessage cancel:
                _instance.Transitions.Cancel();
                // Answered once committed, so whoever asked reads Cancelled from the store.
                _buffer.ReplyAfterCommit(cancel.Reply);
                break;
            case RetryMessage retry:
                if (_instance.Transitions.Retry()) _buffer.ReplyAfterCommit(retry.Reply);
                else retry.Reply.TrySetException(new InvalidInstanceStateException(
                    $"Instance '{InstanceId}' is {_instance.State.Status}; only a faulted instance can be retried"));
                break;
        }
    }

    /// <summary>An applied answer is acknowledged once its change is committed; one that was not awaited at once.</summary>
    private void Acknowledge(bool applied, TaskCompletionSource? reply)
    {
        if (reply is null) return;
        if (applied) _buffer.ReplyAfterCommit(reply);
        else reply.TrySetResult();
    }

    /// <summary>Processes everything that is ready without waiting on the outside: tokens, idle bodies, starts, sub-flows.</summary>
    private async Task DrainAsync()
    {
        while (!IsTerminal)
        {
            if (!_instance.Step())
            {
                if (_instance.ChildRequests.Count == 0) break;
                await PrepareChildrenAsync();
            }
            if (_buffer.CompletedSinceCommit > 0 && runtime.Options.CommitPolicy == CommitPolicy.EachActivity)
                await FlushAsync(forceCommit: true);
        }
    }

    private async Task<bool> LoadAsync()
    {
        if (!await runtime.AcquireLeaseAsync(InstanceId, waitForLease)) return false;
        var record = await runtime.Store.GetInstanceAsync(InstanceId) ?? throw new InstanceNotFoundException(InstanceId);
        var state = WorkflowStateSerializer.Deserialize(record.StateJson);
        var graph = await runtime.Definitions.GetGraphAsync(state.DefinitionId, state.DefinitionVersion);
        Attach(state, graph, record.Revision);
        _buffer.Committed();
        if (state.Status == WorkflowStatus.Running)
        {
            // The process that ran this instance died: what was in flight runs again, from the last commit.
            _instance.Journal.Write(JournalKind.WorkflowResumed, null, message: "recovered after the previous process stopped");
            _instance.RestartInFlight(keepDispatched: runtime.Options.ExecutionHeartbeatTimeout is not null);
        }
        await ReadStoredInboxAsync();
        return true;
    }

    private void Attach(WorkflowState state, WorkflowGraph graph, long revision)
    {
        _revision = revision;
        _expressions = runtime.ExpressionEngines.Create();
        _instance = new Orchestrator(runtime, state, graph, _buffer, _expressions);
        if (runtime.Options.ExecutionHeartbeatTimeout is { } silence)
            _watchdog = runtime.Time.CreateTimer(_ => Post(new WatchdogMessage()), null, silence / 2, silence / 2);
    }

    /// <summary>Applies the answers that reached other nodes (kept in the store); the next commit deletes them.</summary>
    private async Task ReadStoredInboxAsync()
    {
        if (runtime.Inbox is not { } inbox) return;
        foreach (var entry in await inbox.ListInboxAsync(InstanceId))
        {
            if (!_buffer.ConsumeInbox(entry.Id)) continue;
            switch (InboxPayload.Read(entry))
            {
                case ActivityCompleted completed: _instance.OnCompleted(completed); break;
                case ActivityFaulted faulted: _instance.OnFaulted(faulted); break;
            }
        }
    }

    /// <summary>Work handed to the dispatcher leaves only after the state that records it is committed.</summary>
    private async Task FlushAsync(bool forceCommit = false)
    {
        var eachActivity = runtime.Options.CommitPolicy == CommitPolicy.EachActivity;
        if (forceCommit || (eachActivity && (_buffer.HasOutbox || _buffer.HasDeferredCompleted)) || _buffer.HasEffects)
            await CommitAsync();
        if (!_buffer.HasOutbox) return;
        // Sent together: a bus send waits for the broker's confirm, and one after the other those waits add up.
        var commands = _buffer.TakeOutbox();
        var notes = commands.Count == 1
            ? [await runtime.Dispatcher.DispatchAsync(commands[0])]
            : await Task.WhenAll(commands.Select(command => runtime.Dispatcher.DispatchAsync(command).AsTask()));
        for (var i = 0; i < commands.Count; i++)
            if (notes[i] is { } note) _instance.Journal.Log(commands[i].Invocation.ActivityId, note, "Warning");
    }

    private async Task CommitAsync()
    {
        if (!_buffer.NeedsCommit)
        {
            _buffer.AnswerReplies();
            return;
        }
        _instance.Work.WriteTokensToState();
        var commit = _buffer.Build(_instance.State, _revision, runtime.Options.NodeId, runtime.Time.GetUtcNow(), runtime.Options.LeaseDuration);
        await runtime.Store.CommitAsync(commit);
        _revision++;
        var work = _buffer.Committed();
        runtime.Timers.Sync(InstanceId, commit.Bookmarks);

        // Started before this loop goes on, so nobody sees the parent wait on a child that is not running yet.
        foreach (var child in work.Children) runtime.StartCreated(child);
        foreach (var effect in work.Effects) runtime.RunDetached(effect);
        foreach (var reply in work.Replies) reply.TrySetResult();
    }

    /// <summary>Resolves and creates the sub-flows asked for by SubFlow and DispatchFlow; they start after the next commit.</summary>
    private async Task PrepareChildrenAsync()
    {
        var requests = _instance.ChildRequests.ToList();
        _instance.ChildRequests.Clear();
        foreach (var (execution, request) in requests)
        {
            if (!_instance.Work.HasExecution(execution.Id)) continue;
            PreparedChild child;
            try
            {
                child = await runtime.PrepareChildAsync(request, _instance.Graph.Definition, InstanceId);
            }
            catch (Exception error) when (error is DefinitionNotFoundException or WorkflowValidationException or IOException or UnauthorizedAccessException)
            {
                _instance.HandleFault(execution, $"field 'definition': {error.Message}");
                continue;
            }

            // The child's first commit comes before the parent's wait on it is committed: a crash in between leaves a child
            // that runs once more, never a parent that waits on a child that does not exist.
            await runtime.CreateAsync(child);
            _buffer.StartAfterCommit(child);
            _instance.Journal.Log(execution.ActivityId, $"started sub-flow '{child.State.DefinitionId}' as instance {child.State.InstanceId}");
            if (request.Wait)
            {
                _instance.Transitions.AddBookmark(execution, BookmarkNames.SubFlow, child.State.InstanceId, null);
                _instance.Journal.Write(JournalKind.ActivitySuspended, execution, message: $"SubFlow '{child.State.InstanceId}'");
                execution.Status = ExecutionStatus.Waiting;
            }
            else
            {
                _instance.CompleteExecution(execution, [Model.Ports.Done], new System.Text.Json.Nodes.JsonObject { ["instanceId"] = child.State.InstanceId }, null);
            }
        }
    }

    private async Task FailInternallyAsync(Exception error)
    {
        _instance.Transitions.FailInternally(error);
        try { await CommitAsync(); } catch (Exception) { /* the store is gone too; the lease expiry recovers the instance */ }
    }

    private void FailWaitingMessages()
    {
        // Sub-flows created but not started (the parent's commit failed): they exist, so they run.
        foreach (var child in _buffer.TakeUnstartedChildren()) runtime.StartCreated(child);
        _buffer.FailReplies(() => new InvalidInstanceStateException($"Instance '{InstanceId}' stopped before its change was committed; try again"));
        while (_inbox.Reader.TryRead(out var message))
        {
            var reply = message switch
            {
                ResumeMessage r => r.Reply, CancelMessage c => c.Reply, RetryMessage r => r.Reply,
                CompletedMessage c => c.Applied, FaultedMessage f => f.Applied, _ => null
            };
            reply?.TrySetException(new InvalidInstanceStateException($"Instance '{InstanceId}' stopped before the request was handled; try again"));
        }
    }
}
