namespace ElsaFlow.Persistence.EntityFramework.Entities;

/// <summary>A row of the schedule_claims table: its key (definition, activity, occurrence) makes each occurrence claimable once.</summary>
public sealed class ScheduleClaimEntity
{
    public string DefinitionId { get; set; } = "";
    public string ActivityId { get; set; } = "";
    public DateTimeOffset Occurrence { get; set; }
    public string Status { get; set; } = "";
    public string? InstanceId { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTimeOffset ClaimedAt { get; set; }
}
