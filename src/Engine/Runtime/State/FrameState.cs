using System.Text.Json.Nodes;

namespace ElsaFlow.Engine.Runtime.State;

/// <summary>
/// A live scope: the body of a container or one loop iteration. Tokens and executions belong to a frame; when a
/// frame holds no live work, its owner (the container or loop execution) is told.
/// </summary>
public sealed class FrameState
{
    public string Id { get; set; } = "";
    public string? ParentId { get; set; }
    public string? OwnerExecutionId { get; set; }
    public string? OwnerActivityId { get; set; }

    /// <summary>True for loop iterations (Break and loop-back connections look for these).</summary>
    public bool IsIteration { get; set; }

    public JsonNode? Item { get; set; }
    public long Index { get; set; }

    /// <summary>For an iteration: the token that came back to the loop's In and ended it.</summary>
    public JsonNode? Result { get; set; }
}
