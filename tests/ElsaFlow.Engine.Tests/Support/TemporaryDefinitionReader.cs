using System.Text.Json;
using System.Text.Json.Nodes;
using ElsaFlow.Engine.Model;
using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Validation;

namespace ElsaFlow.Engine.Tests.Support;

/// <summary>Reads the native JSON format well enough for runtime tests.</summary>
public sealed class TemporaryDefinitionReader : IDefinitionReader
{
    public string ToJson(WorkflowDefinition definition) => JsonSerializer.Serialize(definition);

    public WorkflowDefinition FromJson(string json, string? sourcePath = null)
    {
        var definition = JsonSerializer.Deserialize<WorkflowDefinition>(json)!;
        definition.SourcePath = sourcePath;
        return definition;
    }

    public WorkflowDefinition LoadFile(string path) => Parse(File.ReadAllText(path), path);

    public IReadOnlyList<ValidationProblem> Validate(WorkflowDefinition definition) => [];

    public static WorkflowDefinition Parse(string json, string? sourcePath = null)
    {
        var doc = JsonNode.Parse(json)!.AsObject();
        return new WorkflowDefinition
        {
            DefinitionId = doc["definitionId"]!.GetValue<string>(),
            Version = doc["version"]?.GetValue<int>() ?? 1,
            Inputs = doc["inputs"]?.AsArray().Select(i => new WorkflowInputDefinition { Name = i!["name"]!.GetValue<string>(), Default = i["default"]?.DeepClone() }).ToList() ?? [],
            Variables = doc["variables"]?.AsArray().Select(v => new VariableDefinition { Name = v!["name"]!.GetValue<string>(), Value = v["value"]?.DeepClone() }).ToList() ?? [],
            Root = Node(doc["root"]!.AsObject()),
            SourcePath = sourcePath
        };
    }

    private static ActivityNode Node(JsonObject o)
    {
        var node = new ActivityNode { Id = o["id"]!.GetValue<string>(), Type = o["type"]!.GetValue<string>(), Start = o["start"]?.GetValue<string>() };
        foreach (var (key, value) in o)
        {
            switch (key)
            {
                case "id" or "type" or "start": break;
                case "activities": node.Activities = value!.AsArray().Select(a => Node(a!.AsObject())).ToList(); break;
                case "connections":
                    node.Connections = value!.AsArray().Select(c => new Connection(
                        new Endpoint(c!["source"]!["activity"]!.GetValue<string>(), c["source"]!["port"]?.GetValue<string>() ?? "Done"),
                        new Endpoint(c["target"]!["activity"]!.GetValue<string>(), c["target"]!["port"]?.GetValue<string>() ?? "In"))).ToList();
                    break;
                case "retry":
                    node.Behaviours.Retry = new RetryPolicy
                    {
                        Attempts = value!["attempts"]!.GetValue<int>(),
                        Delay = value["delay"] is { } d ? Duration.Parse(d.GetValue<string>()) : TimeSpan.Zero,
                        Backoff = value["backoff"]?.GetValue<string>() == "exponential" ? BackoffKind.Exponential : BackoffKind.Fixed
                    };
                    break;
                case "delay": node.Behaviours.Delay = Duration.Parse(value!.GetValue<string>()); break;
                case "timeout": node.Behaviours.Timeout = Duration.Parse(value!.GetValue<string>()); break;
                case "onError": node.Behaviours.OnError = Enum.Parse<OnErrorMode>(value!.GetValue<string>(), true); break;
                default: node.Inputs[key] = value?.DeepClone(); break;
            }
        }
        return node;
    }
}
