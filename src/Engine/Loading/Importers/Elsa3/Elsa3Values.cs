using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ElsaFlow.Engine.Loading.Importers.Elsa3;

/// <summary>
/// Elsa's wrapped inputs <c>{typeName, expression: {type, value}}</c> as native input values: Literal as a typed JSON
/// value (Elsa writes "0", "True", "OK", "00:00:05" as text), Object as the JSON its text holds, JavaScript and Liquid as
/// expressions, Variable as a read of that variable.
/// </summary>
internal sealed class Elsa3Values(IReadOnlyDictionary<string, string> variableNamesById, Action<string> unsupported)
{
    public IReadOnlyCollection<string> VariableNames => variableNamesById.Values.ToList();

    public string? VariableName(JsonNode? reference) => reference switch
    {
        JsonObject o when o["id"] is JsonValue id && id.TryGetValue<string>(out var key) => variableNamesById.GetValueOrDefault(key) ?? o["name"]?.GetValue<string>(),
        JsonObject o when o["name"] is JsonValue n && n.TryGetValue<string>(out var name) => name,
        JsonValue v when v.TryGetValue<string>(out var text) => variableNamesById.GetValueOrDefault(text) ?? text,
        _ => null
    };

    /// <summary>The native value of an Elsa input, or null when it has none.</summary>
    public JsonNode? Read(JsonNode? input)
    {
        if (input is not JsonObject wrapped || wrapped["expression"] is not JsonObject expression)
            return input is JsonObject ? null : input?.DeepClone();
        var typeName = ShortType(wrapped["typeName"]?.GetValue<string>());
        var type = expression["type"]?.GetValue<string>() ?? "Literal";
        var value = expression["value"];
        switch (type)
        {
            case "Literal": return value is null ? null : Literal(value, typeName);
            case "Object" or "Json":
                if (value is JsonValue t && t.TryGetValue<string>(out var json))
                {
                    try { return json.Length == 0 ? null : JsonNode.Parse(json); }
                    catch (JsonException) { return JsonValue.Create(json); }
                }
                return value?.DeepClone();
            case "JavaScript" or "Liquid":
                var text = value?.GetValue<string>() ?? "";
                if (type == "JavaScript") text = Elsa3Scripts.Translate(text, VariableNames);
                return new JsonObject { ["expression"] = new JsonObject { ["type"] = type, ["value"] = text } };
            case "Variable":
                var name = VariableName(value) ?? "";
                return new JsonObject { ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = $"variables[{JsonSerializer.Serialize(name)}]" } };
            default:
                unsupported($"expressions of type '{type}' (only Literal, Object, JavaScript, Liquid and Variable are imported)");
                return null;
        }
    }

    public string? Text(JsonNode? input) => Read(input) switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => null
    };

    private static JsonNode? Literal(JsonNode value, string typeName)
    {
        if (value is not JsonValue v || !v.TryGetValue<string>(out var text)) return value.DeepClone();
        switch (typeName)
        {
            case "Int32" or "Int64" or "Int16" or "Long" or "Integer" when long.TryParse(text, CultureInfo.InvariantCulture, out var i): return i;
            case "Double" or "Single" or "Decimal" or "Number" when double.TryParse(text, CultureInfo.InvariantCulture, out var d): return d;
            case "Boolean" or "Bool" when bool.TryParse(text, out var b): return b;
            case "HttpStatusCode":
                if (int.TryParse(text, out var code)) return code;
                return Enum.TryParse<HttpStatusCode>(text, ignoreCase: true, out var status) ? (int)status : JsonValue.Create(text);
            case "String[]" or "Object[]" or "Object" or "HttpHeaders" when text.TrimStart().StartsWith('[') || text.TrimStart().StartsWith('{'):
                try { return JsonNode.Parse(text); }
                catch (JsonException) { return JsonValue.Create(text); }
            default: return JsonValue.Create(text);
        }
    }

    /// <summary>"System.Net.HttpStatusCode, System.Net.Primitives" and "...FlowJoinMode, Elsa.Workflows.Core" by their last segment.</summary>
    internal static string ShortType(string? typeName)
    {
        if (string.IsNullOrEmpty(typeName)) return "";
        var name = typeName.Split(',')[0].Trim();
        return name[(name.LastIndexOf('.') + 1)..];
    }
}
