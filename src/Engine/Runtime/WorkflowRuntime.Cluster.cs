using ElsaFlow.Engine.Messages;
using ElsaFlow.Engine.Runtime.Instances;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Engine.Runtime;

/// <summary>
/// What a node of a cluster hears about instances from the bus: activity answers and heartbeats from workers, and
/// requests from other nodes for instances this node runs. An answer is never lost: it is applied here (and
/// acknowledged once committed), or kept in the instance's inbox for whichever node runs or takes over the instance.
/// </summary>
public sealed partial class WorkflowRuntime
{
    /// <summary>An activity completed on some node. Returns once the answer is committed here, or kept for the instance's owner.</summary>
    public Task DeliverAsync(ActivityCompleted answer, CancellationToken ct = default)
    {
        var applied = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return DeliverAsync(answer.InstanceId, new CompletedMessage(answer, applied), applied, () => InboxPayload.From(answer, Time.GetUtcNow()), ct);
    }

    /// <summary>An activity failed on some node (this attempt). Returns once the answer is committed here, or kept for the instance's owner.</summary>
    public Task DeliverAsync(ActivityFaulted answer, CancellationToken ct = default)
    {
        var applied = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return DeliverAsync(answer.InstanceId, new FaultedMessage(answer, applied), applied, () => InboxPayload.From(answer, Time.GetUtcNow()), ct);
    }

    private async Task DeliverAsync(string instanceId, RunnerMessage message, TaskCompletionSource applied, Func<InboxEntry> entry, CancellationToken ct)
    {
        if (TryPost(instanceId, message))
        {
            await applied.Task.WaitAsync(ct);
            return;
        }
        if (Inbox is null)
        {
            // Nowhere to keep it: run the instance here, waiting for its lease if another process holds it.
            Post(instanceId, message);
            await applied.Task.WaitAsync(ct);
            return;
        }

        await Inbox.AppendInboxAsync(entry(), ct);
        // A runner here (started since) reads it; else the instance runs here if nobody holds it, or its owner is told.
        if (TryPost(instanceId, new InboxMessage())) return;
        var record = await Store.GetInstanceAsync(instanceId, ct);
        if (record is null || record.Status is WorkflowStatus.Finished or WorkflowStatus.Faulted or WorkflowStatus.Cancelled) return;
        if (record.LeaseOwner is { } owner && owner != Options.NodeId && record.LeaseExpiresAt > Time.GetUtcNow())
        {
            if (Owners is not null) await Owners.NotifyInboxAsync(owner, instanceId, ct);
            return;
        }
        Activate(instanceId);
    }

    /// <summary>The worker running an execution is still at it (keeps the watchdog from dispatching it again).</summary>
    public void OnActivityHeartbeat(string instanceId, string executionId, int attempt) =>
        TryPost(instanceId, new HeartbeatMessage(executionId, attempt));

    /// <summary>
    /// Another node kept something in the instance's inbox: read it if the instance runs here; take the instance over if
    /// nobody holds it (its owner let go or died); leave it alone if another live node runs it.
    /// </summary>
    public async Task CheckInboxAsync(string instanceId, CancellationToken ct = default)
    {
        if (TryPost(instanceId, new InboxMessage())) return;
        if (await Store.GetInstanceAsync(instanceId, ct) is not { Status: WorkflowStatus.Running or WorkflowStatus.Suspended } record) return;
        if (record.LeaseOwner is { } owner && owner != Options.NodeId && record.LeaseExpiresAt > Time.GetUtcNow()) return;
        Activate(instanceId);
    }

    /// <summary>A resume, cancel or retry another node sent because this node runs the instance; done here, not passed on.</summary>
    public async Task<OwnerReply> HandleOwnerRequestAsync(OwnerRequest request, CancellationToken ct = default)
    {
        try
        {
            var reply = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            RunnerMessage message = request.Kind switch
            {
                OwnerRequestKind.Resume => new ResumeMessage(request.BookmarkId ?? "", request.Payload, reply),
                OwnerRequestKind.Cancel => new CancelMessage(reply),
                _ => new RetryMessage(reply)
            };
            Post(request.InstanceId, message);
            await reply.Task.WaitAsync(ct);
            return new OwnerReply(Done: true);
        }
        catch (BookmarkConflictException conflict) { return new OwnerReply(false, Conflict: conflict.Message); }
        catch (InstanceNotFoundException missing) { return new OwnerReply(false, Error: missing.Message, NotFound: true); }
        catch (InvalidInstanceStateException invalid) { return new OwnerReply(false, Error: invalid.Message); }
    }

    /// <summary>
    /// When another live node runs the instance, hands the request to it; true when it was done there. False when the
    /// instance is not running elsewhere, or its owner did not answer: then this node does it (waiting for the lease).
    /// </summary>
    private async Task<bool> AskOwnerAsync(OwnerRequest request, CancellationToken ct)
    {
        if (Owners is null || RunsHere(request.InstanceId)) return false;
        var record = await Store.GetInstanceAsync(request.InstanceId, ct);
        if (record is not { Status: WorkflowStatus.Running, LeaseOwner: { } owner } || owner == Options.NodeId || record.LeaseExpiresAt <= Time.GetUtcNow())
            return false;
        var reply = await Owners.AskAsync(owner, request, ct);
        if (reply is null) return false;
        if (reply.Conflict is { } conflict) throw new BookmarkConflictException(conflict);
        if (reply.NotFound) throw new InstanceNotFoundException(request.InstanceId);
        if (reply.Error is { } error) throw new InvalidInstanceStateException(error);
        return true;
    }
}
