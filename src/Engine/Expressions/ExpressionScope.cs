using System.Text.Json.Nodes;

namespace ElsaFlow.Engine.Expressions;

/// <summary>The names an expression can see: inputs, variables (writable), outputs of earlier activities, the incoming token and the loop item.</summary>
public sealed class ExpressionScope
{
    public required JsonObject Inputs { get; init; }

    /// <summary>The instance's live variables; JavaScript assignments write here.</summary>
    public required JsonObject Variables { get; init; }

    /// <summary>The last output of each finished activity, by activity id.</summary>
    public required IReadOnlyDictionary<string, JsonNode?> Outputs { get; init; }

    public JsonNode? Incoming { get; init; }

    /// <summary>The innermost loop's current item, when evaluating inside a loop body.</summary>
    public LoopItem? Loop { get; init; }

    /// <summary>For error messages: which flow and activity is evaluating.</summary>
    public string? DefinitionId { get; init; }
    public string? ActivityId { get; init; }
}

/// <summary>The current item of a loop: <c>item</c>, <c>index</c>, and <c>row</c> when iterating dataset rows.</summary>
public sealed record LoopItem(JsonNode? Item, long Index, JsonNode? Row = null);
