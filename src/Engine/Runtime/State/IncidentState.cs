namespace ElsaFlow.Engine.Runtime.State;

/// <summary>Why an instance faulted: the activity, its execution (a retry starts it again) and the message.</summary>
public sealed class IncidentState
{
    public string? ActivityId { get; set; }
    public string? ExecutionId { get; set; }
    public string Message { get; set; } = "";
    public DateTimeOffset Timestamp { get; set; }
}
