using System.Text.Json.Nodes;
using ElsaFlow.Engine.Runtime.State;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Engine.Runtime;

/// <summary>Journal and log lines, commits, and the side effects that must follow a commit (dispatch, timers, sub-flows).</summary>
internal sealed partial class InstanceRunner
{
    private readonly List<JournalEntry> _journal = [];
    private readonly List<LogEntry> _logs = [];
    private readonly List<Func<Task>> _afterCommit = [];
    private readonly List<(ExecutionState Execution, ChildWorkflowRequest Request)> _childStarts = [];
    private readonly List<PreparedChild> _childrenToStart = [];
    private readonly List<TaskCompletionSource> _repliesAfterCommit = [];
    private int _completedSinceCommit;
    private bool _dirty = true;

    private void Journal(JournalKind kind, ExecutionState? execution, string? activityId = null, string? port = null,
        string? message = null, TimeSpan? duration = null, long? rowCount = null, JsonObject? outputs = null)
    {
        var id = execution?.ActivityId ?? activityId;
        var entry = new JournalEntry
        {
            InstanceId = InstanceId,
            Sequence = _state.NextJournalSequence++,
            Kind = kind,
            Timestamp = Now,
            ActivityId = id,
            ActivityType = id is not null && _graph.TryGet(id, out var node) ? node.Node.Type : null,
            ExecutionId = execution?.Id,
            Attempt = execution?.Attempt,
            Duration = duration,
            Port = port,
            Message = message,
            RowCount = rowCount,
            Outputs = outputs?.DeepClone().AsObject()
        };
        _journal.Add(entry);
        _dirty = true;
        foreach (var observer in _runtime.Observers) observer.OnJournal(entry);
    }

    private void Log(string? activityId, string message, string level = "Information", DateTimeOffset? timestamp = null)
    {
        var entry = new LogEntry
        {
            InstanceId = InstanceId,
            Sequence = _state.NextLogSequence++,
            Timestamp = timestamp ?? Now,
            ActivityId = activityId,
            Level = level,
            Message = message
        };
        _logs.Add(entry);
        _dirty = true;
        foreach (var observer in _runtime.Observers) observer.OnLog(entry);
    }

    /// <summary>Work handed to the dispatcher leaves only after the state that records it is committed.</summary>
    private async Task FlushOutboxAsync(bool forceCommit = false)
    {
        if (forceCommit || (_outbox.Count > 0 && _runtime.Options.CommitPolicy == CommitPolicy.EachActivity) || _afterCommit.Count > 0 || _childrenToStart.Count > 0)
            await CommitAsync();
        if (_outbox.Count == 0) return;
        var batch = _outbox.ToList();
        _outbox.Clear();
        foreach (var command in batch) await _runtime.Dispatcher.DispatchAsync(command);
    }

    private async Task CommitAsync()
    {
        if (!_dirty && _afterCommit.Count == 0 && _childrenToStart.Count == 0)
        {
            AnswerAfterCommit();
            return;
        }
        var now = Now;
        var record = new InstanceRecord
        {
            Id = InstanceId,
            DefinitionId = _state.DefinitionId,
            DefinitionVersion = _state.DefinitionVersion,
            Status = _state.Status,
            CorrelationId = _state.CorrelationId,
            ParentInstanceId = _state.ParentInstanceId,
            CreatedAt = _state.CreatedAt,
            UpdatedAt = now,
            FinishedAt = _state.FinishedAt,
            Revision = _revision + 1,
            LeaseOwner = _runtime.Options.NodeId,
            LeaseExpiresAt = now + _runtime.Options.LeaseDuration,
            StateJson = WorkflowStateSerializer.Serialize(_state),
            Error = _state.Incident?.Message
        };
        var bookmarks = _state.Bookmarks.Select(b => new BookmarkRecord
        {
            Id = b.Id, InstanceId = InstanceId, ActivityId = b.ActivityId, ExecutionId = b.ExecutionId, Name = b.Name,
            MatchKey = b.MatchKey, ResumeAt = b.ResumeAt, CreatedAt = b.CreatedAt
        }).ToList();

        await _runtime.Store.CommitAsync(new InstanceCommit
        {
            Instance = record,
            ExpectedRevision = _revision,
            Bookmarks = bookmarks,
            Journal = _journal.ToList(),
            Logs = _logs.ToList()
        });
        _revision++;
        _journal.Clear();
        _logs.Clear();
        _completedSinceCommit = 0;
        _dirty = false;
        _runtime.Timers.Sync(InstanceId, bookmarks);

        // Registered before this loop goes on, so nobody sees the parent wait on a child that does not exist yet.
        foreach (var child in _childrenToStart) _runtime.StartPrepared(child);
        _childrenToStart.Clear();
        var actions = _afterCommit.ToList();
        _afterCommit.Clear();
        foreach (var action in actions) _runtime.RunDetached(action);
        AnswerAfterCommit();
    }

    private void AnswerAfterCommit()
    {
        foreach (var reply in _repliesAfterCommit) reply.TrySetResult();
        _repliesAfterCommit.Clear();
    }

    /// <summary>Resolves and creates the sub-flows asked for by SubFlow and DispatchFlow; they start after the next commit.</summary>
    private async Task PrepareChildrenAsync()
    {
        var requests = _childStarts.ToList();
        _childStarts.Clear();
        foreach (var (execution, request) in requests)
        {
            if (!_executions.ContainsKey(execution.Id)) continue;
            PreparedChild child;
            try
            {
                child = await _runtime.PrepareChildAsync(request, _graph.Definition, InstanceId);
            }
            catch (Exception error) when (error is DefinitionNotFoundException or WorkflowValidationException or IOException or UnauthorizedAccessException)
            {
                HandleFault(execution, $"field 'definition': {error.Message}");
                continue;
            }

            _childrenToStart.Add(child);
            Log(execution.ActivityId, $"started sub-flow '{child.State.DefinitionId}' as instance {child.State.InstanceId}");
            if (request.Wait)
            {
                AddBookmark(execution, BookmarkNames.SubFlow, child.State.InstanceId, null);
                Journal(JournalKind.ActivitySuspended, execution, message: $"SubFlow '{child.State.InstanceId}'");
                execution.Status = ExecutionStatus.Waiting;
            }
            else
            {
                CompleteExecution(execution, [Model.Ports.Done], new JsonObject { ["instanceId"] = child.State.InstanceId }, null);
            }
        }
    }
}
