namespace ElsaFlow.Cluster.Messages;

/// <summary>Command to the node that runs an instance: its inbox in the store holds an answer another node received.</summary>
public sealed record CheckInbox
{
    public required string InstanceId { get; init; }
}
