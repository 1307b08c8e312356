using System.Text.Json.Nodes;

namespace ElsaFlow.Engine.ActivityModel;

/// <summary>A live token that reached an activity: where it came from, which input port it arrived on, and its value.</summary>
public sealed record IncomingToken(string? SourceActivity, string? SourcePort, string TargetPort, JsonNode? Value);
