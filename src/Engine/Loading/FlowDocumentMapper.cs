using System.Text.Json.Nodes;
using ElsaFlow.Engine.Model;
using ElsaFlow.Engine.Validation;

namespace ElsaFlow.Engine.Loading;

/// <summary>
/// The one mapper from the flow document (JSON shape, whatever the file format) to the model. Problems that the
/// model cannot hold (a duration that does not parse, a key of the wrong kind) are reported here; everything
/// else is left to <see cref="FlowValidator"/>.
/// </summary>
internal sealed class FlowDocumentMapper(Func<ActivityNode, JsonNode?, string, JsonNode?>? coerceInput, Func<string, string, bool>? declaresInput = null)
{
    private static readonly HashSet<string> TopLevelKeys = ["definitionId", "name", "description", "version", "inputs", "variables", "metadata", "root"];
    private readonly List<ValidationProblem> _problems = [];
    private string? _definitionId;

    public IReadOnlyList<ValidationProblem> Problems => _problems;

    public WorkflowDefinition Map(JsonObject document)
    {
        _definitionId = document["definitionId"] is JsonValue id && id.TryGetValue<string>(out var text) ? text : null;
        var definition = new WorkflowDefinition
        {
            DefinitionId = String(document, "definitionId", null) ?? "",
            Name = String(document, "name", null),
            Description = String(document, "description", null),
            Version = Version(document),
            Metadata = Object(document, "metadata", null),
            Inputs = Items(document, "inputs").Select(Input).ToList(),
            Variables = Items(document, "variables").Select(Variable).ToList()
        };
        foreach (var key in document.Select(p => p.Key).Where(k => !TopLevelKeys.Contains(k)))
            Report(null, key, $"unknown key '{key}'; a flow has {string.Join(", ", TopLevelKeys)}");
        switch (document["root"])
        {
            case JsonObject root: definition.Root = new ActivityMapper(this).Map(root, "root"); break;
            case null: Report(null, "root", "the flow has no root activity; add \"root\": {\"type\": \"Flowchart\", \"id\": \"root\", ...}"); break;
            case var other: Report(null, "root", $"the root must be an activity object, not {JsonFlowReader.Describe(other)}"); break;
        }
        return definition;
    }

    internal Func<ActivityNode, JsonNode?, string, JsonNode?>? CoerceInput => coerceInput;

    /// <summary>Whether an activity type declares an input with this key ("name" is Event's input but Log's label).</summary>
    internal bool DeclaresInput(string type, string key) => declaresInput?.Invoke(type, key) ?? false;

    internal void Report(string? activityId, string? field, string message) =>
        _problems.Add(new ValidationProblem(_definitionId, activityId, field, message));

    internal string? String(JsonObject owner, string key, string? activityId, string? field = null)
    {
        switch (owner[key])
        {
            case null: return null;
            case JsonValue v when v.TryGetValue<string>(out var text): return text;
            case var other:
                Report(activityId, field ?? key, $"'{key}' must be text, not {JsonFlowReader.Describe(other)}");
                return null;
        }
    }

    internal JsonObject? Object(JsonObject owner, string key, string? activityId)
    {
        switch (owner[key])
        {
            case null: return null;
            case JsonObject o: return (JsonObject)o.DeepClone();
            case var other:
                Report(activityId, key, $"'{key}' must be an object, not {JsonFlowReader.Describe(other)}");
                return null;
        }
    }

    internal IEnumerable<JsonObject> Items(JsonObject owner, string key, string? activityId = null)
    {
        switch (owner[key])
        {
            case null: yield break;
            case JsonArray list:
                foreach (var item in list)
                    if (item is JsonObject o) yield return o;
                    else Report(activityId, key, $"each entry of '{key}' must be an object, not {JsonFlowReader.Describe(item)}");
                break;
            case var other:
                Report(activityId, key, $"'{key}' must be a list, not {JsonFlowReader.Describe(other)}");
                break;
        }
    }

    private int Version(JsonObject document)
    {
        switch (document["version"])
        {
            case null: return 1;
            case JsonValue v when WholeNumber(v) is { } number: return number;
            case var other:
                Report(null, "version", $"the version must be a whole number, not {Show(other)}");
                return 1;
        }
    }

    private WorkflowInputDefinition Input(JsonObject item) => new()
    {
        Name = String(item, "name", null, "inputs") ?? "",
        Type = String(item, "type", null, "inputs") ?? "String",
        Default = item["default"]?.DeepClone(),
        Description = String(item, "description", null, "inputs"),
        Required = item["required"] is JsonValue r && r.TryGetValue<bool>(out var required) && required,
        Sensitive = item["sensitive"] is JsonValue s && s.TryGetValue<bool>(out var sensitive) && sensitive
    };

    private VariableDefinition Variable(JsonObject item) => new()
    {
        Name = String(item, "name", null, "variables") ?? "",
        Type = String(item, "type", null, "variables") ?? "Object",
        Value = item["value"]?.DeepClone()
    };

    /// <summary>A JSON number without fraction that fits an int, whatever CLR type backs the value.</summary>
    internal static int? WholeNumber(JsonValue value) =>
        value.GetValueKind() == System.Text.Json.JsonValueKind.Number && int.TryParse(value.ToJsonString(), out var number) ? number : null;

    internal static string Show(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? $"the text \"{s}\"" : node?.ToJsonString() ?? "null";
}
