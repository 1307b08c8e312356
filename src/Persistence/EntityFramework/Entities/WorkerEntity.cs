namespace ElsaFlow.Persistence.EntityFramework.Entities;

/// <summary>A row of the workers table: a node's last heartbeat. Groups are a JSON array of names.</summary>
public sealed class WorkerEntity
{
    public string NodeId { get; set; } = "";
    public string Role { get; set; } = "";
    public string Groups { get; set; } = "[]";
    public int Concurrency { get; set; }
    public int Running { get; set; }
    public string Version { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset LastSeen { get; set; }
    public DateTimeOffset? StoppedAt { get; set; }
}
