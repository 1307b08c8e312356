using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Engine.Messages;

/// <summary>Event: a code activity failed on this attempt; the orchestrator decides on retry or error handling.</summary>
public sealed record ActivityFaulted
{
    public required string InstanceId { get; init; }
    public required string ExecutionId { get; init; }

    /// <summary>The attempt this answers: an answer of an earlier attempt (or a second copy of one) is ignored.</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>The node that ran the activity.</summary>
    public string? NodeId { get; init; }
    public required string Message { get; init; }
    public string? ErrorType { get; init; }
    public IReadOnlyList<ActivityLogLine> Logs { get; init; } = [];
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset FinishedAt { get; init; }
}
