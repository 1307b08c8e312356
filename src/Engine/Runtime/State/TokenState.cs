using System.Text.Json.Nodes;

namespace ElsaFlow.Engine.Runtime.State;

/// <summary>A token on its way to an activity's input port. Dead tokens mark branches that were not taken.</summary>
public sealed class TokenState
{
    public string? SourceActivity { get; set; }
    public string? SourcePort { get; set; }
    public string TargetActivity { get; set; } = "";
    public string TargetPort { get; set; } = "In";

    /// <summary>Index of the connection in the target's container; -1 for start tokens.</summary>
    public int Connection { get; set; } = -1;

    public string FrameId { get; set; } = "";
    public bool Dead { get; set; }
    public JsonNode? Value { get; set; }
}
