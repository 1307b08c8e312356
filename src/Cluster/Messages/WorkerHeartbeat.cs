namespace ElsaFlow.Cluster.Messages;

/// <summary>Event: a node is alive, with its role, groups and load (every heartbeat interval; the store keeps the last one).</summary>
public sealed record WorkerHeartbeat
{
    public required string NodeId { get; init; }
    public required string Role { get; init; }
    public IReadOnlyList<string> Groups { get; init; } = [];
    public int Concurrency { get; init; }
    public int Running { get; init; }
    public string Version { get; init; } = "";
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset SentAt { get; init; }
}
