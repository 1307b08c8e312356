using System.Text.Json.Nodes;

namespace ElsaFlow.Cluster.Messages;

/// <summary>Request to the node that runs an instance: resume this bookmark with this payload. Answered by <see cref="OwnerRequestHandled"/>.</summary>
public sealed record ResumeInstance
{
    public required string InstanceId { get; init; }
    public required string BookmarkId { get; init; }
    public JsonNode? Payload { get; init; }
}
