using System.Text.Json.Nodes;

namespace ElsaFlow.Engine.Model;

/// <summary>An input the workflow accepts when it starts (<c>inputs.name</c> in expressions).</summary>
public sealed class WorkflowInputDefinition
{
    public string Name { get; set; } = "";
    public string Type { get; set; } = "String";
    public JsonNode? Default { get; set; }
    public string? Description { get; set; }
    public bool Required { get; set; }

    /// <summary>The value is a secret (a token, a password): shown as <c>***</c>, and so is every text that contains it.</summary>
    public bool Sensitive { get; set; }
}
