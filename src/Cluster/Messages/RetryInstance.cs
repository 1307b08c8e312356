namespace ElsaFlow.Cluster.Messages;

/// <summary>Request to the node that runs an instance: retry it from the activity that failed. Answered by <see cref="OwnerRequestHandled"/>.</summary>
public sealed record RetryInstance
{
    public required string InstanceId { get; init; }
}
