namespace ElsaFlow.Persistence.EntityFramework.Entities;

/// <summary>A row of the logs table.</summary>
public sealed class LogEntity
{
    public string InstanceId { get; set; } = "";
    public long Sequence { get; set; }
    public DateTimeOffset Timestamp { get; set; }
    public string? ActivityId { get; set; }
    public string Level { get; set; } = "";
    public string Message { get; set; } = "";
}
