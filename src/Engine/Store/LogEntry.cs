namespace ElsaFlow.Engine.Store;

/// <summary>A line of an instance's log (Log activities and messages written by activities).</summary>
public sealed record LogEntry
{
    public required string InstanceId { get; init; }
    public required long Sequence { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
    public string? ActivityId { get; init; }
    public string Level { get; init; } = "Information";
    public required string Message { get; init; }
}
