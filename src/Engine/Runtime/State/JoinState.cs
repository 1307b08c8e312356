using System.Text.Json.Nodes;

namespace ElsaFlow.Engine.Runtime.State;

/// <summary>Tokens that reached an activity from some of its inbound connections, waiting for the rest.</summary>
public sealed class JoinState
{
    public string ActivityId { get; set; } = "";
    public string FrameId { get; set; } = "";

    /// <summary>Arrivals by connection index; null value with Dead=true for dead arrivals.</summary>
    public List<JoinArrival> Arrivals { get; set; } = [];

    /// <summary>For WaitAny: the activity already ran in this wave.</summary>
    public bool Fired { get; set; }
}

public sealed record JoinArrival(int Connection, bool Dead, string? SourceActivity, string? SourcePort, string TargetPort, JsonNode? Value);
