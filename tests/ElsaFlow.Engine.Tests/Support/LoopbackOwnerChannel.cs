using ElsaFlow.Engine.Runtime;

namespace ElsaFlow.Engine.Tests.Support;

/// <summary>Connects runtimes of one test as a bus connects nodes: by node id. A node that left answers nothing.</summary>
public sealed class LoopbackOwnerChannel : IOwnerChannel
{
    private readonly Dictionary<string, WorkflowRuntime> _nodes = new(StringComparer.Ordinal);

    public void Join(WorkflowRuntime runtime) { lock (_nodes) _nodes[runtime.Options.NodeId] = runtime; }

    public void Leave(WorkflowRuntime runtime) { lock (_nodes) _nodes.Remove(runtime.Options.NodeId); }

    public async Task NotifyInboxAsync(string ownerNodeId, string instanceId, CancellationToken ct = default)
    {
        if (Find(ownerNodeId) is { } owner) await owner.CheckInboxAsync(instanceId, ct);
    }

    public async Task<OwnerReply?> AskAsync(string ownerNodeId, OwnerRequest request, CancellationToken ct = default) =>
        Find(ownerNodeId) is { } owner ? await owner.HandleOwnerRequestAsync(request, ct) : null;

    private WorkflowRuntime? Find(string nodeId)
    {
        lock (_nodes) return _nodes.GetValueOrDefault(nodeId);
    }
}
