using System.Text.Json.Nodes;

namespace ElsaFlow.Engine.Model;

/// <summary>A workflow definition: what a flow file or the Studio describes, independent of its file format.</summary>
public sealed class WorkflowDefinition
{
    public string DefinitionId { get; set; } = "";
    public string? Name { get; set; }
    public string? Description { get; set; }
    public int Version { get; set; } = 1;
    public List<WorkflowInputDefinition> Inputs { get; set; } = [];
    public List<VariableDefinition> Variables { get; set; } = [];
    public ActivityNode Root { get; set; } = new() { Id = "root", Type = "Flowchart" };

    /// <summary>Free-form metadata kept as written (designer settings and the like).</summary>
    public JsonObject? Metadata { get; set; }

    /// <summary>Where the definition was read from, when it came from a file (used to resolve relative SubFlow paths).</summary>
    public string? SourcePath { get; set; }

    /// <summary>Every activity node of the definition, depth first, containers before their children.</summary>
    public IEnumerable<ActivityNode> AllActivities() => Root.DescendantsAndSelf();
}
