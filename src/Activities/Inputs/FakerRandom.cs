using System.Text.Json.Nodes;

namespace ElsaFlow.Activities.Inputs;

/// <summary>A column whose value is picked at random from a list: <c>{"key": "status", "values": ["new", "paid"]}</c>.</summary>
public sealed class FakerRandom
{
    public string Key { get; set; } = "";
    public List<JsonNode?> Values { get; set; } = [];
}
