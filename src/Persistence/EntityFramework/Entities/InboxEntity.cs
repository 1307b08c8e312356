namespace ElsaFlow.Persistence.EntityFramework.Entities;

/// <summary>
/// A row of the instance_inbox table. Position is the store's own counter: it keeps the arrival order (the inbox is read
/// oldest first) where the nodes' clocks may disagree; (InstanceId, Id) is unique, so a redelivered entry is kept once.
/// </summary>
public sealed class InboxEntity
{
    public long Position { get; set; }
    public string InstanceId { get; set; } = "";
    public string Id { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Payload { get; set; } = "";
    public DateTimeOffset ReceivedAt { get; set; }
}
