using System.Text.Json.Nodes;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Engine.Runtime.State;

/// <summary>One live run of an activity, from the token that triggered it until it completes or faults.</summary>
public sealed class ExecutionState
{
    public string Id { get; set; } = "";
    public string ActivityId { get; set; } = "";
    public string FrameId { get; set; } = "";
    public ExecutionStatus Status { get; set; }
    public int Attempt { get; set; } = 1;
    public JsonNode? Incoming { get; set; }
    public List<IncomingToken>? IncomingTokens { get; set; }

    /// <summary>Control activity state (loop counters); null for code activities.</summary>
    public JsonObject? Data { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>True once the behaviour's delay before running has been waited.</summary>
    public bool Delayed { get; set; }
}

public enum ExecutionStatus
{
    /// <summary>Ready to start (also what a recovered in-flight execution becomes).</summary>
    Pending,
    /// <summary>Waiting on a timer before (re)starting: the delay behaviour or a retry back-off.</summary>
    Scheduled,
    /// <summary>Dispatched; its result has not come back.</summary>
    Running,
    /// <summary>Waiting on a bookmark or on a body it started.</summary>
    Waiting,
    /// <summary>Faulted the instance; a retry starts it again.</summary>
    Faulted
}
