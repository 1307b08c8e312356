using System.Text.Json.Nodes;
using ElsaFlow.Engine.Expressions;

namespace ElsaFlow.Engine.Tests.Expressions;

/// <summary>Builds expression scopes from JSON text for tests.</summary>
internal static class ScopeBuilder
{
    public static ExpressionScope Scope(string inputs = "{}", string variables = "{}", Dictionary<string, JsonNode?>? outputs = null,
        JsonNode? incoming = null, LoopItem? loop = null) => new()
    {
        Inputs = JsonNode.Parse(inputs)!.AsObject(),
        Variables = JsonNode.Parse(variables)!.AsObject(),
        Outputs = outputs ?? new Dictionary<string, JsonNode?>(),
        Incoming = incoming,
        Loop = loop,
    };

    public static Expression Js(string source) => new(ExpressionTypes.JavaScript, source);
}
