using System.Text.Json.Nodes;

namespace ElsaFlow.Engine.Store;

/// <summary>One line of an instance's history: an activity started, finished, faulted, was retried; the instance started, waited, ended.</summary>
public sealed record JournalEntry
{
    public required string InstanceId { get; init; }

    /// <summary>Order within the instance, assigned by the runtime.</summary>
    public required long Sequence { get; init; }

    public required JournalKind Kind { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
    public string? ActivityId { get; init; }
    public string? ActivityType { get; init; }
    public string? ExecutionId { get; init; }
    public int? Attempt { get; init; }
    public TimeSpan? Duration { get; init; }

    /// <summary>The port(s) an activity completed on, comma separated.</summary>
    public string? Port { get; init; }

    public string? Message { get; init; }

    /// <summary>Rows in the activity's output dataset, when it produced one.</summary>
    public long? RowCount { get; init; }

    /// <summary>The node that ran the activity (on the completion or fault of a code activity).</summary>
    public string? NodeId { get; init; }

    /// <summary>
    /// The named outputs a code activity set (<c>context.Set</c>) when it completed, e.g. the files an output wrote; never
    /// its token, so nothing a flow sends along (a resume payload, a variable) can appear here.
    /// </summary>
    public JsonObject? Outputs { get; init; }
}

public enum JournalKind
{
    WorkflowStarted, WorkflowResumed, WorkflowSuspended, WorkflowFinished, WorkflowFaulted, WorkflowCancelled, WorkflowRetried,
    ActivityScheduled, ActivityStarted, ActivityCompleted, ActivityFaulted, ActivityRetrying, ActivityDelayed, ActivitySuspended, ActivityResumed, ActivityCancelled
}
