using System.Text.Json.Nodes;
using ElsaFlow.Engine.Validation;

namespace ElsaFlow.Engine.Loading.Importers.Elsa3;

/// <summary>
/// Imports an Elsa 3 workflow definition (a <c>root</c> of <c>Elsa.*</c> activities, alone or in an export with
/// <c>definitionId</c>) as a native flow: variables by name, Elsa's wrapped inputs as native values, composites as
/// flowcharts. Types without an ElsaFlow counterpart are refused, one problem each.
/// </summary>
public sealed class Elsa3Importer : IFlowImporter
{
    public string Format => "Elsa 3";

    public bool Recognises(JsonObject document) =>
        document["root"] is JsonObject root && root["type"] is JsonValue t && t.TryGetValue<string>(out var type) && type.StartsWith("Elsa.", StringComparison.Ordinal);

    public FlowImport Import(JsonObject document, string source)
    {
        var import = new FlowImport(Format);
        var definitionId = Text(document, "definitionId") ?? Text(document, "id") ?? Path.GetFileNameWithoutExtension(source);
        definitionId = new string(definitionId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray());
        var variables = new JsonArray();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var v in (document["variables"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = Text(v, "name") ?? "";
            names[Text(v, "id") ?? name] = name;
            variables.Add(new JsonObject { ["name"] = name, ["value"] = VariableValue(v) });
        }
        var inputs = new JsonArray();
        foreach (var i in (document["inputs"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var input = new JsonObject { ["name"] = Text(i, "name"), ["type"] = InputType(Text(i, "type") ?? Text(i, "typeName")), ["description"] = Text(i, "description") };
            if (i["defaultValue"] is { } fallback) input["default"] = fallback.DeepClone();
            inputs.Add(input);
        }
        var values = new Elsa3Values(names, what => import.Problems.Add(new ValidationProblem(definitionId, null, null, $"Elsa {what}")));
        var root = new Elsa3ActivityMapper(values, import, definitionId).Map((JsonObject)document["root"]!);
        if (root is null || import.Problems.Count > 0) return import;
        // A native root must be a container; a lone activity goes into a Sequence.
        if (root["type"]?.GetValue<string>() is not ("Flowchart" or "Sequence"))
            root = new JsonObject { ["id"] = "root", ["type"] = "Sequence", ["activities"] = new JsonArray(root) };
        import.Document = new JsonObject
        {
            ["definitionId"] = definitionId,
            ["name"] = Text(document, "name") ?? definitionId,
            ["inputs"] = inputs,
            ["variables"] = variables,
            ["root"] = root
        };
        if (Text(document, "description") is { } description) import.Document["description"] = description;
        return import;
    }

    private static JsonNode? VariableValue(JsonObject v)
    {
        var text = v["value"] is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
        if (text is null) return v["value"]?.DeepClone();
        return Elsa3Values.ShortType(Text(v, "typeName")) switch
        {
            "Int32" or "Int64" or "Double" or "Decimal" when double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var d) => d,
            "Boolean" when bool.TryParse(text, out var b) => b,
            _ => text
        };
    }

    private static string InputType(string? elsaType) => Elsa3Values.ShortType(elsaType) switch
    {
        "Int32" or "Int64" => "Integer",
        "Double" or "Decimal" or "Single" => "Number",
        "Boolean" => "Boolean",
        "String" or "" => "String",
        _ => "Object"
    };

    private static string? Text(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
