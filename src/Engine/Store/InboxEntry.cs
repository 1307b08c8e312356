namespace ElsaFlow.Engine.Store;

/// <summary>
/// Something for an instance that reached a node not running it (an activity's answer, most often): kept in the
/// store until the instance's owner applies it, in the same commit that deletes it, so nothing that was accepted from
/// the bus is lost when the owner dies first.
/// </summary>
public sealed record InboxEntry
{
    public required string InstanceId { get; init; }

    /// <summary>Unique within the instance and the same for a redelivered copy, e.g. <c>completed:x12:2</c>.</summary>
    public required string Id { get; init; }

    /// <summary>What the payload is (<see cref="InboxKinds"/>).</summary>
    public required string Kind { get; init; }

    /// <summary>The message as JSON.</summary>
    public required string Payload { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }
}

/// <summary>The kinds of inbox entries the runtime understands.</summary>
public static class InboxKinds
{
    public const string ActivityCompleted = "ActivityCompleted";
    public const string ActivityFaulted = "ActivityFaulted";
}
