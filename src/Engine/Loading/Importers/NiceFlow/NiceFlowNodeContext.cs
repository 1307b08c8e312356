using System.Text.Json.Nodes;
using ElsaFlow.Engine.Validation;

namespace ElsaFlow.Engine.Loading.Importers.NiceFlow;

/// <summary>What a plugin mapping sees of its node and the flow, and where it reports warnings and refusals.</summary>
internal sealed class NiceFlowNodeContext(NiceFlowNode node, NiceFlowIds ids, FlowImport import, string definitionId)
{
    public NiceFlowNode Node { get; } = node;
    public NiceFlowProperties Properties { get; } = new(node.Properties);
    public bool Refused { get; private set; }

    /// <summary>The activity for this node: id = the sanitised node name, the NiceFlow name kept as its name.</summary>
    public JsonObject Activity(string type)
    {
        var activity = new JsonObject { ["id"] = Node.Id, ["type"] = type };
        if (Node.Name != Node.Id) activity["name"] = Node.Name;
        return activity;
    }

    /// <summary>An extra step in front of this node's activity (the node maps to a chain).</summary>
    public JsonObject Helper(string type, string suffix) =>
        new() { ["id"] = ids.Extra($"{Node.Id}_{suffix}"), ["type"] = type, ["name"] = $"{Node.Name} ({suffix})" };

    public string? IdOf(string nodeName) => ids.Of(nodeName);

    /// <summary>The step whose dataset NiceFlow's transforms read: the first edge that ends at the node.</summary>
    public string? DataStep => Node.Previous.Count > 0 ? ids.Of(Node.Previous[0]) : null;

    /// <summary>Predecessors whose edge into this node carries a lookup dataset: step name to the activity whose Lookup port takes it.</summary>
    public Dictionary<string, List<string>> Lookups { get; } = new(StringComparer.Ordinal);

    public void Warn(string? field, string message) => import.Warnings.Add(new ValidationProblem(definitionId, Node.Id, field, message));

    public void Refuse(string? field, string message)
    {
        import.Problems.Add(new ValidationProblem(definitionId, Node.Id, field, $"NiceFlow node '{Node.Name}' ({Node.Plugin}): {message}"));
        Refused = true;
    }

    /// <summary>A required property (NiceFlow reads it with <c>param[key]</c> and fails without it).</summary>
    public JsonNode? Required(params string[] names)
    {
        var value = Properties.Get(names);
        if (value is null) Refuse(names[0], $"'{names[0]}' is required{(names.Length > 1 ? $" (or {string.Join(", ", names[1..])})" : "")}");
        return value;
    }

    public string? RequiredText(params string[] names) => Required(names) is null ? null : Properties.Text(names);
}
