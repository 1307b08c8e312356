namespace ElsaFlow.Engine.Store;

/// <summary>
/// One occurrence of a schedule, claimed by the node that fires it. The claim is unique per (definition, trigger activity,
/// occurrence), so with several nodes on one store each occurrence runs once.
/// </summary>
public sealed record ScheduleClaim
{
    public required string DefinitionId { get; init; }
    public required string ActivityId { get; init; }
    public required DateTimeOffset Occurrence { get; init; }
    public required ScheduleClaimStatus Status { get; init; }
    public string? InstanceId { get; init; }
    public string? ClaimedBy { get; init; }
    public DateTimeOffset ClaimedAt { get; init; }
}
