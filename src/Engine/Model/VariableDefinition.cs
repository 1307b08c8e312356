using System.Text.Json.Nodes;

namespace ElsaFlow.Engine.Model;

/// <summary>A workflow variable with its initial value (<c>variables.name</c> in expressions).</summary>
public sealed class VariableDefinition
{
    public string Name { get; set; } = "";
    public string Type { get; set; } = "Object";
    public JsonNode? Value { get; set; }
}
