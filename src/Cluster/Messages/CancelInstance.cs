namespace ElsaFlow.Cluster.Messages;

/// <summary>Request to the node that runs an instance: cancel it. Answered by <see cref="OwnerRequestHandled"/>.</summary>
public sealed record CancelInstance
{
    public required string InstanceId { get; init; }
}
