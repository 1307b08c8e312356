using System.Text.Json.Nodes;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Engine.Messages;

/// <summary>Event: a code activity finished. Without an explicit token, the execution's incoming token flows on.</summary>
public sealed record ActivityCompleted
{
    public required string InstanceId { get; init; }
    public required string ExecutionId { get; init; }

    /// <summary>The attempt this answers: an answer of an earlier attempt (or a second copy of one) is ignored.</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>The node that ran the activity.</summary>
    public string? NodeId { get; init; }
    public required IReadOnlyList<string> Ports { get; init; }
    public JsonNode? Token { get; init; }
    public bool HasToken { get; init; }

    /// <summary>When ports carry different tokens: the token of each fired port.</summary>
    public IReadOnlyDictionary<string, JsonNode?>? PortTokens { get; init; }
    public JsonObject? Outputs { get; init; }
    public IReadOnlyList<ActivityLogLine> Logs { get; init; } = [];
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset FinishedAt { get; init; }
}
