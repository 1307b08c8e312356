using System.Text.Json.Nodes;

namespace ElsaFlow.Engine.Loading.Importers.NiceFlow;

/// <summary>One node of a NiceFlow flow: its plugin class name, its name (the NiceFlow key) and the activity id it gets.</summary>
internal sealed record NiceFlowNode(string Plugin, string Name, string Id, JsonObject Properties)
{
    /// <summary>Successor and predecessor names in edge-list order (NiceFlow's next_nodes and pre_nodes).</summary>
    public List<string> Next { get; } = [];
    public List<string> Previous { get; } = [];
}
