using System.Text.Json.Nodes;
using ElsaFlow.Engine.Runtime.State;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Engine.Runtime;

/// <summary>Telling when an instance has settled: ended, or waiting only on the outside world.</summary>
public sealed partial class WorkflowRuntime
{
    /// <summary>Waits until the instance ends, or waits only on the outside world (its timers and sub-flows done).</summary>
    public async Task<WorkflowRunResult> WaitAsync(string instanceId, CancellationToken ct = default)
    {
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var changed = _changed.Task;
            var result = await TryGetSettledAsync(instanceId, ct);
            if (result is not null) return result;
            await changed.WaitAsync(TimeSpan.FromSeconds(1), ct).ContinueWith(_ => { }, CancellationToken.None);
        }
    }

    /// <summary>The instance's current result (status, variables, outputs, what it waits for).</summary>
    public async Task<WorkflowRunResult> GetResultAsync(string instanceId, CancellationToken ct = default)
    {
        var record = await Store.GetInstanceAsync(instanceId, ct) ?? throw new InstanceNotFoundException(instanceId);
        var state = WorkflowStateSerializer.Deserialize(record.StateJson);
        var bookmarks = new List<BookmarkRecord>();
        await CollectWaitsAsync(instanceId, bookmarks, ct);
        return new WorkflowRunResult
        {
            InstanceId = record.Id,
            DefinitionId = record.DefinitionId,
            DefinitionVersion = record.DefinitionVersion,
            Status = record.Status,
            Variables = state.Variables,
            Outputs = state.Outputs,
            Bookmarks = bookmarks,
            Error = state.Incident?.Message,
            FaultedActivityId = state.Incident?.ActivityId
        };
    }

    private async Task<WorkflowRunResult?> TryGetSettledAsync(string instanceId, CancellationToken ct)
    {
        if (IsBusy(instanceId)) return null;
        var record = await Store.GetInstanceAsync(instanceId, ct);
        if (record is null) return IsBusy(instanceId) ? null : throw new InstanceNotFoundException(instanceId);
        if (record.Status == WorkflowStatus.Running)
        {
            // Running with nobody here running it: another process owns it, or it must be recovered.
            if (record.LeaseOwner == Options.NodeId || record.LeaseExpiresAt is null || record.LeaseExpiresAt <= Time.GetUtcNow()) Activate(instanceId);
            return null;
        }
        if (record.Status == WorkflowStatus.Suspended)
            foreach (var bookmark in await Store.ListBookmarksAsync(instanceId, ct))
                if (bookmark.Name == BookmarkNames.SubFlow && bookmark.MatchKey is { } child)
                {
                    var childResult = await TryGetSettledAsync(child, ct);
                    if (childResult is null) return null;
                    if (childResult.Status is WorkflowStatus.Finished or WorkflowStatus.Faulted or WorkflowStatus.Cancelled)
                    {
                        // The child ended but its parent still waits: the news is on its way, or was lost in a crash. Send it (again).
                        RunDetached(() => NotifyParentAsync(instanceId, child, ChildResult(childResult.InstanceId, childResult.Status, childResult.Outputs, childResult.Error)));
                        return null;
                    }
                }
        return await GetResultAsync(instanceId, ct);
    }

    private bool IsBusy(string instanceId)
    {
        lock (_gate)
            if (_runners.ContainsKey(instanceId)) return true;
        return Timers.HasTimers(instanceId);
    }

    private async Task CollectWaitsAsync(string instanceId, List<BookmarkRecord> into, CancellationToken ct)
    {
        foreach (var bookmark in await Store.ListBookmarksAsync(instanceId, ct))
        {
            if (bookmark.Name == BookmarkNames.SubFlow && bookmark.MatchKey is { } child) await CollectWaitsAsync(child, into, ct);
            else if (!BookmarkNames.IsInternal(bookmark.Name)) into.Add(bookmark);
        }
    }

    /// <summary>Waits until nothing runs and no timer is pending in this process.</summary>
    public async Task WaitForIdleAsync(CancellationToken ct = default)
    {
        while (true)
        {
            var changed = _changed.Task;
            bool idle;
            lock (_gate) idle = _runners.Count == 0 && _detached.All(t => t.IsCompleted);
            if (idle && Timers.Count == 0) return;
            await changed.WaitAsync(TimeSpan.FromSeconds(1), ct).ContinueWith(_ => { }, CancellationToken.None);
        }
    }
}
