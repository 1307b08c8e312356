using System.Text.Json.Nodes;

namespace ElsaFlow.Engine.Runtime;

/// <summary>
/// How one node reaches the node that runs an instance, in a cluster (the message bus). Without one, a node that
/// needs an instance another live process runs waits for that process to let go of it.
/// </summary>
public interface IOwnerChannel
{
    /// <summary>Tells the owner that the instance's inbox holds something for it. Best effort: owners also look by themselves.</summary>
    Task NotifyInboxAsync(string ownerNodeId, string instanceId, CancellationToken ct = default);

    /// <summary>Asks the owner to resume, cancel or retry the instance; null when the owner did not answer.</summary>
    Task<OwnerReply?> AskAsync(string ownerNodeId, OwnerRequest request, CancellationToken ct = default);
}

/// <summary>A resume, cancel or retry for the node that runs the instance.</summary>
public sealed record OwnerRequest(OwnerRequestKind Kind, string InstanceId, string? BookmarkId = null, JsonNode? Payload = null);

public enum OwnerRequestKind { Resume, Cancel, Retry }

/// <summary>What the owner made of a request: done, a conflict (the bookmark was resumed first), or another error.</summary>
public sealed record OwnerReply(bool Done, string? Conflict = null, string? Error = null, bool NotFound = false);
