using System.Text.Json.Nodes;
using ElsaFlow.Engine.Model;

namespace ElsaFlow.Engine.Loading;

/// <summary>The model as the flow document (native JSON shape), leaving out empty values and defaults.</summary>
internal static class FlowDocumentWriter
{
    public static JsonObject Write(WorkflowDefinition definition)
    {
        var document = new JsonObject { ["definitionId"] = definition.DefinitionId };
        AddText(document, "name", definition.Name);
        AddText(document, "description", definition.Description);
        document["version"] = definition.Version;
        if (definition.Inputs.Count > 0) document["inputs"] = new JsonArray(definition.Inputs.Select(Input).ToArray<JsonNode?>());
        if (definition.Variables.Count > 0) document["variables"] = new JsonArray(definition.Variables.Select(Variable).ToArray<JsonNode?>());
        if (definition.Metadata is { Count: > 0 }) document["metadata"] = definition.Metadata.DeepClone();
        document["root"] = Activity(definition.Root);
        return document;
    }

    private static JsonObject Input(WorkflowInputDefinition input)
    {
        var result = new JsonObject { ["name"] = input.Name, ["type"] = input.Type };
        if (input.Default is not null) result["default"] = input.Default.DeepClone();
        AddText(result, "description", input.Description);
        if (input.Required) result["required"] = true;
        if (input.Sensitive) result["sensitive"] = true;
        return result;
    }

    private static JsonObject Variable(VariableDefinition variable)
    {
        var result = new JsonObject { ["name"] = variable.Name, ["type"] = variable.Type };
        if (variable.Value is not null) result["value"] = variable.Value.DeepClone();
        return result;
    }

    private static JsonObject Activity(ActivityNode node)
    {
        var result = new JsonObject { ["id"] = node.Id, ["type"] = node.Type };
        AddText(result, "name", node.Name);
        AddText(result, "description", node.Description);
        foreach (var (name, value) in node.Inputs) result[name] = value?.DeepClone();
        AddBehaviours(result, node.Behaviours);
        if (node.Metadata is { Count: > 0 }) result["metadata"] = node.Metadata.DeepClone();
        AddText(result, "start", node.Start);
        if (node.Activities.Count > 0) result["activities"] = new JsonArray(node.Activities.Select(Activity).ToArray<JsonNode?>());
        if (node.Connections.Count > 0) result["connections"] = new JsonArray(node.Connections.Select(Connection).ToArray<JsonNode?>());
        return result;
    }

    private static void AddBehaviours(JsonObject result, ActivityBehaviours behaviours)
    {
        if (behaviours.Retry is { } retry)
        {
            var policy = new JsonObject { ["attempts"] = retry.Attempts };
            if (retry.Delay != TimeSpan.Zero) policy["delay"] = Duration.Format(retry.Delay);
            if (retry.Backoff != BackoffKind.Fixed) policy["backoff"] = retry.Backoff.ToString().ToLowerInvariant();
            if (retry.MaxDelay is { } max) policy["maxDelay"] = Duration.Format(max);
            result["retry"] = policy;
        }
        if (behaviours.Delay is { } delay) result["delay"] = Duration.Format(delay);
        if (behaviours.Timeout is { } timeout) result["timeout"] = Duration.Format(timeout);
        if (behaviours.OnError != OnErrorMode.Fault) result["onError"] = behaviours.OnError.ToString().ToLowerInvariant();
        AddText(result, "worker", behaviours.Worker);
    }

    private static JsonObject Connection(Connection connection) => new()
    {
        ["source"] = new JsonObject { ["activity"] = connection.Source.Activity, ["port"] = connection.Source.Port },
        ["target"] = new JsonObject { ["activity"] = connection.Target.Activity, ["port"] = connection.Target.Port }
    };

    private static void AddText(JsonObject target, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value)) target[key] = value;
    }
}
