using System.Text.Json.Nodes;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Engine.Activities;

/// <summary>One case of a Switch: a port name and the condition that selects it.</summary>
public sealed class SwitchCase
{
    [Input(Description = "Port name of the case")]
    public string Name { get; set; } = "";

    [Input(Description = "JavaScript condition (or a Sql expression to route dataset rows)", DefaultSyntax = "JavaScript")]
    public JsonNode? Condition { get; set; }
}
