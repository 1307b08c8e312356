using System.Text.Json.Nodes;
using ElsaFlow.Engine.ActivityModel;
using ElsaFlow.Engine.Runtime.Graph;
using ElsaFlow.Engine.Runtime.State;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Engine.Runtime.Instances;

/// <summary>Bookmarks and resumes, and the instance-wide transitions: fault, finish, cancel, retry.</summary>
internal sealed class Transitions(Orchestrator instance)
{
    private WorkflowState State => instance.State;

    public void AddBookmark(ExecutionState execution, string name, string? matchKey, DateTimeOffset? resumeAt, string? id = null)
    {
        State.Bookmarks.Add(new BookmarkState
        {
            Id = id ?? NewBookmarkId(),
            ExecutionId = execution.Id,
            ActivityId = execution.ActivityId,
            Name = name,
            MatchKey = matchKey,
            ResumeAt = resumeAt,
            CreatedAt = instance.Now
        });
    }

    /// <summary>Bookmark ids start with the instance id, so a resume of a consumed bookmark can still find its instance.</summary>
    public string NewBookmarkId() => $"{instance.InstanceId}.{instance.Runtime.Ids.NewId()[..8]}";

    public bool HasBookmark(ExecutionState execution, string name) =>
        State.Bookmarks.Exists(b => b.ExecutionId == execution.Id && b.Name == name);

    public bool HasAnyBookmark(ExecutionState execution) => State.Bookmarks.Exists(b => b.ExecutionId == execution.Id);

    public void RemoveBookmarksOf(ExecutionState execution)
    {
        if (State.Bookmarks.Count > 0) State.Bookmarks.RemoveAll(b => b.ExecutionId == execution.Id);
    }

    /// <summary>Resumes a bookmark; false (a conflict) when it is no longer there: someone resumed it first.</summary>
    public bool Resume(string bookmarkId, JsonNode? payload)
    {
        var bookmark = State.Bookmarks.Find(b => b.Id == bookmarkId);
        if (bookmark is null || instance.IsTerminal || !instance.Work.TryGetExecution(bookmark.ExecutionId, out var execution)) return false;

        State.Bookmarks.Remove(bookmark);
        State.ResumedBookmarks.Add(bookmark.Id);
        if (State.ResumedBookmarks.Count > 16) State.ResumedBookmarks.RemoveAt(0);
        instance.Buffer.MarkDirty();
        if (State.Status == WorkflowStatus.Suspended)
        {
            SetStatus(WorkflowStatus.Running);
            instance.Journal.Write(JournalKind.WorkflowResumed, null, message: bookmark.MatchKey is null ? bookmark.Name : $"{bookmark.Name} '{bookmark.MatchKey}'");
        }

        var node = instance.Graph[execution.ActivityId];
        switch (bookmark.Name)
        {
            case BookmarkNames.ActivityDelay or BookmarkNames.Retry:
                instance.Schedule(execution, node);
                break;
            case BookmarkNames.Timeout:
                RemoveBookmarksOf(execution);
                instance.HandleFault(execution, $"timed out after {Model.Duration.Format(node.Node.Behaviours.Timeout ?? TimeSpan.Zero)}");
                break;
            default:
                State.Bookmarks.RemoveAll(b => b.ExecutionId == execution.Id && b.Name == BookmarkNames.Timeout);
                instance.Journal.Write(JournalKind.ActivityResumed, execution, message: bookmark.Name);
                instance.RunControl(execution, node, c => ((ControlActivity)node.Activity).OnResumed(c, payload));
                break;
        }
        return true;
    }

    public void SetStatus(WorkflowStatus status)
    {
        if (State.Status == status) return;
        State.Status = status;
        instance.Buffer.MarkDirty();
        foreach (var observer in instance.Runtime.Observers) observer.OnInstanceStatusChanged(instance.InstanceId, State.DefinitionId, status);
    }

    public void FaultInstance(GraphNode node, ExecutionState? execution, string message)
    {
        if (execution is not null) execution.Status = ExecutionStatus.Faulted;
        State.Incident = new IncidentState { ActivityId = node.Id, ExecutionId = execution?.Id, Message = message, Timestamp = instance.Now };
        // What was in flight runs again if the instance is retried.
        foreach (var running in instance.Work.Executions.Where(e => e.Status == ExecutionStatus.Running))
        {
            instance.Runtime.Dispatcher.Cancel(running.Id);
            running.Status = ExecutionStatus.Pending;
        }
        instance.ClearQueues();
        instance.Journal.Write(JournalKind.WorkflowFaulted, execution, activityId: node.Id, message: message);
        SetStatus(WorkflowStatus.Faulted);
    }

    /// <summary>An internal error (not an activity's): the instance faults with it and can be retried.</summary>
    public void FailInternally(Exception error)
    {
        State.Incident = new IncidentState { Message = $"Internal error: {error.Message}", Timestamp = instance.Now };
        instance.Journal.Write(JournalKind.WorkflowFaulted, null, message: State.Incident.Message);
        SetStatus(WorkflowStatus.Faulted);
    }

    public void Finish(JsonObject? outputs)
    {
        if (outputs is not null)
            foreach (var (name, value) in outputs) State.Outputs[name] = value?.DeepClone();
        End(WorkflowStatus.Finished, JournalKind.WorkflowFinished);
    }

    public void Cancel()
    {
        if (!instance.IsTerminal) End(WorkflowStatus.Cancelled, JournalKind.WorkflowCancelled);
    }

    /// <summary>Finish and cancel clear all live work; sub-flows still waited on are cancelled after the commit.</summary>
    private void End(WorkflowStatus status, JournalKind kind)
    {
        foreach (var bookmark in State.Bookmarks.Where(b => b.Name == BookmarkNames.SubFlow && b.MatchKey is not null))
        {
            var child = bookmark.MatchKey!;
            instance.Buffer.AfterCommit(() => instance.Runtime.CancelAsync(child));
        }
        foreach (var running in instance.Work.Executions.Where(e => e.Status == ExecutionStatus.Running))
            instance.Runtime.Dispatcher.Cancel(running.Id);
        instance.ClearQueues();
        instance.Work.Clear();
        State.Bookmarks.Clear();
        State.Joins.Clear();
        State.Visits.Clear();
        State.FinishedAt = instance.Now;
        instance.Journal.Write(kind, null);
        SetStatus(status);
        if (State.ParentInstanceId is { } parent)
        {
            var result = WorkflowRuntime.ChildResult(instance.InstanceId, State.Status, State.Outputs, State.Incident?.Message);
            var childId = instance.InstanceId;
            instance.Buffer.AfterCommit(() => instance.Runtime.NotifyParentAsync(parent, childId, result));
        }
    }

    /// <summary>Runs a faulted instance again from the activity that failed; false when it is not faulted.</summary>
    public bool Retry()
    {
        if (State.Status != WorkflowStatus.Faulted) return false;
        var incident = State.Incident;
        State.Incident = null;
        SetStatus(WorkflowStatus.Running);
        instance.Journal.Write(JournalKind.WorkflowRetried, null, activityId: incident?.ActivityId, message: incident?.Message);
        foreach (var execution in instance.Work.Executions.Where(e => e.Status is ExecutionStatus.Faulted or ExecutionStatus.Pending).ToList())
        {
            if (execution.Status == ExecutionStatus.Faulted) execution.Attempt = 1;
            execution.Status = ExecutionStatus.Pending;
            execution.StartedAt = null;
            instance.Schedule(execution, instance.Graph[execution.ActivityId]);
        }
        foreach (var frame in instance.Work.Frames.ToList()) instance.Bodies.Check(frame.Id);
        return true;
    }
}
