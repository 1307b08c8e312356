namespace ElsaFlow.Cluster.Messages;

/// <summary>Event: a worker is still running an execution (every heartbeat interval); the owner's watchdog resets.</summary>
public sealed record ActivityHeartbeat
{
    public required string InstanceId { get; init; }
    public required string ExecutionId { get; init; }
    public required int Attempt { get; init; }
    public required string NodeId { get; init; }
}
