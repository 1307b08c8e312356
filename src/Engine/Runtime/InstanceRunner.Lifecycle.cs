using System.Text.Json.Nodes;
using ElsaFlow.Engine.ActivityModel;
using ElsaFlow.Engine.Runtime.Graph;
using ElsaFlow.Engine.Runtime.State;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Engine.Runtime;

/// <summary>Bookmarks and resumes, and the instance-wide transitions: fault, finish, cancel, retry.</summary>
internal sealed partial class InstanceRunner
{
    private void AddBookmark(ExecutionState execution, string name, string? matchKey, DateTimeOffset? resumeAt, string? id = null)
    {
        _state.Bookmarks.Add(new BookmarkState
        {
            Id = id ?? NewBookmarkIdCore(),
            ExecutionId = execution.Id,
            ActivityId = execution.ActivityId,
            Name = name,
            MatchKey = matchKey,
            ResumeAt = resumeAt,
            CreatedAt = Now
        });
    }

    /// <summary>Bookmark ids start with the instance id, so a resume of a consumed bookmark can still find its instance.</summary>
    private string NewBookmarkIdCore() => $"{InstanceId}.{_runtime.Ids.NewId()[..8]}";

    private bool HasBookmark(ExecutionState execution, string name) =>
        _state.Bookmarks.Exists(b => b.ExecutionId == execution.Id && b.Name == name);

    private void RemoveBookmarksOf(ExecutionState execution)
    {
        if (_state.Bookmarks.Count > 0) _state.Bookmarks.RemoveAll(b => b.ExecutionId == execution.Id);
    }

    private void OnResume(ResumeMessage message)
    {
        var bookmark = _state.Bookmarks.Find(b => b.Id == message.BookmarkId);
        if (bookmark is null || IsTerminal || !_executions.TryGetValue(bookmark.ExecutionId, out var execution))
        {
            message.Reply.TrySetException(new BookmarkConflictException(
                $"Bookmark '{message.BookmarkId}' of instance '{InstanceId}' was already resumed or is no longer waiting"));
            return;
        }

        _state.Bookmarks.Remove(bookmark);
        _state.ResumedBookmarks.Add(bookmark.Id);
        if (_state.ResumedBookmarks.Count > 16) _state.ResumedBookmarks.RemoveAt(0);
        _dirty = true;
        if (_state.Status == WorkflowStatus.Suspended)
        {
            SetStatus(WorkflowStatus.Running);
            Journal(JournalKind.WorkflowResumed, null, message: bookmark.MatchKey is null ? bookmark.Name : $"{bookmark.Name} '{bookmark.MatchKey}'");
        }
        message.Reply.TrySetResult();

        var node = _graph[execution.ActivityId];
        switch (bookmark.Name)
        {
            case BookmarkNames.ActivityDelay or BookmarkNames.Retry:
                Schedule(execution, node);
                break;
            case BookmarkNames.Timeout:
                RemoveBookmarksOf(execution);
                HandleFault(execution, $"timed out after {Model.Duration.Format(node.Node.Behaviours.Timeout ?? TimeSpan.Zero)}");
                break;
            default:
                _state.Bookmarks.RemoveAll(b => b.ExecutionId == execution.Id && b.Name == BookmarkNames.Timeout);
                Journal(JournalKind.ActivityResumed, execution, message: bookmark.Name);
                RunControl(execution, node, c => ((ControlActivity)node.Activity).OnResumed(c, message.Payload));
                break;
        }
    }

    private void FaultInstance(GraphNode node, ExecutionState? execution, string message)
    {
        if (execution is not null) execution.Status = ExecutionStatus.Faulted;
        _state.Incident = new IncidentState { ActivityId = node.Id, ExecutionId = execution?.Id, Message = message, Timestamp = Now };
        // What was in flight runs again if the instance is retried.
        foreach (var running in _state.Executions.Where(e => e.Status == ExecutionStatus.Running))
        {
            _runtime.Dispatcher.Cancel(running.Id);
            running.Status = ExecutionStatus.Pending;
        }
        _running = 0;
        _startQueue.Clear();
        Journal(JournalKind.WorkflowFaulted, execution, activityId: node.Id, message: message);
        SetStatus(WorkflowStatus.Faulted);
    }

    private void FinishInstance(JsonObject? outputs)
    {
        if (outputs is not null)
            foreach (var (name, value) in outputs) _state.Outputs[name] = value?.DeepClone();
        EndInstance(WorkflowStatus.Finished, JournalKind.WorkflowFinished);
    }

    private void OnCancel(CancelMessage message)
    {
        if (!IsTerminal) EndInstance(WorkflowStatus.Cancelled, JournalKind.WorkflowCancelled);
        // Answered once committed, so whoever asked reads Cancelled from the store.
        _repliesAfterCommit.Add(message.Reply);
    }

    /// <summary>Finish and cancel clear all live work; sub-flows still waited on are cancelled after the commit.</summary>
    private void EndInstance(WorkflowStatus status, JournalKind kind)
    {
        foreach (var bookmark in _state.Bookmarks.Where(b => b.Name == BookmarkNames.SubFlow && b.MatchKey is not null))
        {
            var child = bookmark.MatchKey!;
            _afterCommit.Add(() => _runtime.CancelAsync(child));
        }
        foreach (var running in _state.Executions.Where(e => e.Status == ExecutionStatus.Running))
            _runtime.Dispatcher.Cancel(running.Id);
        _running = 0;
        _startQueue.Clear();
        _idleFrames.Clear();
        _state.Tokens.Clear();
        _state.Frames.Clear();
        _state.Executions.Clear();
        _state.Bookmarks.Clear();
        _state.Joins.Clear();
        _state.Visits.Clear();
        _frames.Clear();
        _executions.Clear();
        _state.FinishedAt = Now;
        Journal(kind, null);
        SetStatus(status);
        if (_state.ParentInstanceId is { } parent)
        {
            var result = WorkflowRuntime.ChildResult(InstanceId, _state.Status, _state.Outputs, _state.Incident?.Message);
            _afterCommit.Add(() => _runtime.NotifyParentAsync(parent, InstanceId, result));
        }
    }

    private void OnRetry(RetryMessage message)
    {
        if (_state.Status != WorkflowStatus.Faulted)
        {
            message.Reply.TrySetException(new InvalidInstanceStateException($"Instance '{InstanceId}' is {_state.Status}; only a faulted instance can be retried"));
            return;
        }
        var incident = _state.Incident;
        _state.Incident = null;
        SetStatus(WorkflowStatus.Running);
        Journal(JournalKind.WorkflowRetried, null, activityId: incident?.ActivityId, message: incident?.Message);
        foreach (var execution in _state.Executions.Where(e => e.Status is ExecutionStatus.Faulted or ExecutionStatus.Pending).ToList())
        {
            if (execution.Status == ExecutionStatus.Faulted) execution.Attempt = 1;
            execution.Status = ExecutionStatus.Pending;
            execution.StartedAt = null;
            Schedule(execution, _graph[execution.ActivityId]);
        }
        foreach (var frame in _state.Frames.ToList()) CheckFrame(frame.Id);
        _repliesAfterCommit.Add(message.Reply);
    }
}
