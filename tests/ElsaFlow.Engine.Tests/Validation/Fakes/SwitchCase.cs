using System.Text.Json.Nodes;

namespace ElsaFlow.Engine.Tests.Validation.Fakes;

public sealed record SwitchCase
{
    public string Label { get; init; } = "";
    public JsonNode? Condition { get; init; }
}
