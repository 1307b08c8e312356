namespace ElsaFlow.Engine.Store;

/// <summary>How an instance waits: resumed by id, or found by name + match key (event name, route, child instance id); timers have ResumeAt.</summary>
public sealed record BookmarkRecord
{
    public required string Id { get; init; }
    public required string InstanceId { get; init; }
    public required string ActivityId { get; init; }
    public required string ExecutionId { get; init; }
    public required string Name { get; init; }
    public string? MatchKey { get; init; }
    public DateTimeOffset? ResumeAt { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
