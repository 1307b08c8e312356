using ElsaFlow.Engine.Store;

namespace ElsaFlow.Persistence.EntityFramework.Entities;

/// <summary>A row of the journal table.</summary>
public sealed class JournalEntity
{
    public string InstanceId { get; set; } = "";
    public long Sequence { get; set; }
    public JournalKind Kind { get; set; }
    public DateTimeOffset Timestamp { get; set; }
    public string? ActivityId { get; set; }
    public string? ActivityType { get; set; }
    public string? ExecutionId { get; set; }
    public int? Attempt { get; set; }
    public TimeSpan? Duration { get; set; }
    public string? Port { get; set; }
    public string? Message { get; set; }
    public long? RowCount { get; set; }

    /// <summary>The node that ran the activity.</summary>
    public string? NodeId { get; set; }

    /// <summary>The named outputs the activity set, as JSON text; null when it set none.</summary>
    public string? Outputs { get; set; }
}
