using System.Text.Json.Nodes;

namespace ElsaFlow.Engine.Model;

/// <summary>One activity as written in a flow: id, type, behaviours, raw input values and, for containers, children.</summary>
public sealed class ActivityNode
{
    public string Id { get; set; } = "";
    public string Type { get; set; } = "";
    public string? Name { get; set; }
    public string? Description { get; set; }
    public JsonObject? Metadata { get; set; }
    public ActivityBehaviours Behaviours { get; set; } = new();

    /// <summary>Input values by input name (camelCase as written): a JSON literal or an <c>{"expression": {...}}</c> object.</summary>
    public Dictionary<string, JsonNode?> Inputs { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Children of a container (Flowchart, Sequence); empty for other activities.</summary>
    public List<ActivityNode> Activities { get; set; } = [];

    /// <summary>Connections between the children of a Flowchart.</summary>
    public List<Connection> Connections { get; set; } = [];

    /// <summary>Optional id of the child that starts a Flowchart.</summary>
    public string? Start { get; set; }

    public bool IsContainer => Type is "Flowchart" or "Sequence";

    /// <summary>Depth first, containers before their children, with a stack: nested iterators cost depth x size and call stack.</summary>
    public IEnumerable<ActivityNode> DescendantsAndSelf()
    {
        var pending = new Stack<ActivityNode>();
        pending.Push(this);
        while (pending.TryPop(out var node))
        {
            yield return node;
            for (var i = node.Activities.Count - 1; i >= 0; i--) pending.Push(node.Activities[i]);
        }
    }

    public override string ToString() => $"{Id} ({Type})";
}
