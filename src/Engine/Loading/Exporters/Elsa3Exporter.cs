using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ElsaFlow.Engine.Validation;

namespace ElsaFlow.Engine.Loading.Exporters;

/// <summary>
/// Writes a native flow document as an Elsa 3 workflow definition, for the activities both have (control flow, Log,
/// variables, timers, events, HTTP, sub-flows), so people can go back. Data activities have no Elsa counterpart: each is
/// one problem, and nothing is written. The importer reads the result back (the round trip is tested).
/// </summary>
public static partial class Elsa3Exporter
{
    public static JsonObject? Export(JsonObject native, out List<ValidationProblem> problems)
    {
        var found = new List<ValidationProblem>();
        var definitionId = native["definitionId"]?.GetValue<string>() ?? "flow";
        var variables = new JsonArray();
        foreach (var v in (native["variables"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = v["name"]?.GetValue<string>() ?? "";
            variables.Add(new JsonObject
            {
                ["id"] = name, ["name"] = name, ["typeName"] = "Object", ["isArray"] = false,
                ["value"] = v["value"] is JsonValue s && s.TryGetValue<string>(out var text) ? text : v["value"]?.ToJsonString()
            });
        }
        var inputs = new JsonArray();
        foreach (var i in (native["inputs"] as JsonArray ?? []).OfType<JsonObject>())
            inputs.Add(new JsonObject { ["name"] = i["name"]?.DeepClone(), ["type"] = i["type"]?.GetValue<string>() ?? "String", ["defaultValue"] = i["default"]?.DeepClone() });
        var root = native["root"] is JsonObject r ? Activity(r, definitionId, found) : null;
        problems = found;
        if (root is null || found.Count > 0) return null;
        return new JsonObject
        {
            ["id"] = definitionId, ["definitionId"] = definitionId, ["name"] = native["name"]?.DeepClone() ?? definitionId,
            ["version"] = native["version"]?.DeepClone() ?? 1, ["isLatest"] = true, ["isPublished"] = true,
            ["variables"] = variables, ["inputs"] = inputs, ["outputs"] = new JsonArray(), ["outcomes"] = new JsonArray(),
            ["root"] = root
        };
    }

    private static JsonObject? Activity(JsonObject a, string definitionId, List<ValidationProblem> problems)
    {
        var id = a["id"]?.GetValue<string>() ?? "";
        var type = a["type"]?.GetValue<string>() ?? "";
        JsonObject Elsa(string name) => new() { ["id"] = id, ["type"] = "Elsa." + name, ["version"] = 1 };
        JsonObject? Children(string elsaType)
        {
            var e = Elsa(elsaType);
            var children = new JsonArray();
            foreach (var child in (a["activities"] as JsonArray ?? []).OfType<JsonObject>())
                if (Activity(child, definitionId, problems) is { } mapped) children.Add(mapped);
            e["activities"] = children;
            return e;
        }
        switch (type)
        {
            case "Flowchart":
                var chart = Children("Flowchart")!;
                chart["connections"] = (a["connections"] as JsonArray ?? []).DeepClone();
                if (a["start"] is JsonValue start) chart["start"] = start.DeepClone();
                return chart;
            case "Sequence": return Children("Sequence");
            case "Log": return With(Elsa("WriteLine"), "text", "String", a["message"]);
            case "SetVariable":
                var set = With(Elsa("SetVariable"), "value", "Object", a["value"]);
                var variable = a["variable"]?.GetValue<string>() ?? "";
                set["variable"] = new JsonObject { ["id"] = variable, ["name"] = variable, ["typeName"] = "Object" };
                return set;
            case "If": return With(Elsa("FlowDecision"), "condition", "Boolean", a["condition"]);
            case "Fork": return With(Elsa("FlowFork"), "branches", "String[]", a["branches"]);
            case "Join": return With(Elsa("FlowJoin"), "mode", "FlowJoinMode", a["mode"] ?? "WaitAll");
            case "Delay": return With(Elsa("Delay"), "timeSpan", "TimeSpan", a["duration"]);
            case "Event": return With(Elsa("Event"), "eventName", "String", a["name"]);
            case "Fault": return With(Elsa("Fault"), "message", "String", a["message"]);
            case "Finish": return Elsa("Finish");
            case "Break": return Elsa("Break");
            case "HttpEndpoint":
                var endpoint = With(With(Elsa("HttpEndpoint"), "path", "String", a["path"]), "supportedMethods", "String[]", a["methods"] ?? new JsonArray("GET"));
                return With(endpoint, "authorize", "Boolean", !(a["public"] is JsonValue p && p.TryGetValue<bool>(out var isPublic) && isPublic));
            case "HttpResponse": return With(With(Elsa("WriteHttpResponse"), "statusCode", "HttpStatusCode", a["statusCode"] ?? 200), "content", "Object", a["body"]);
            case "SubFlow": return With(Elsa("ExecuteWorkflow"), "workflowDefinitionId", "String", a["definition"]);
            case "DispatchFlow": return With(Elsa("DispatchWorkflow"), "workflowDefinitionId", "String", a["definition"]);
            default:
                problems.Add(new ValidationProblem(definitionId, id, "type", $"{type} has no Elsa 3 counterpart, so the flow cannot be exported as Elsa 3"));
                return null;
        }
    }

    /// <summary>An Elsa wrapped input: literals as Literal (lists and objects as Object JSON text), expressions as they are, ${} text as JavaScript.</summary>
    private static JsonObject With(JsonObject activity, string key, string typeName, JsonNode? value)
    {
        if (value is null) return activity;
        var (type, text) = value switch
        {
            JsonObject { } o when o["expression"] is JsonObject e => (e["type"]?.GetValue<string>() ?? "Literal", (JsonNode?)e["value"]?.DeepClone()),
            JsonValue v when v.TryGetValue<string>(out var s) && s.Contains("${") => ("JavaScript", JsonValue.Create(Placeholders(s))),
            JsonArray or JsonObject => ("Object", JsonValue.Create(value.ToJsonString())),
            _ => ("Literal", value.DeepClone())
        };
        activity[key] = new JsonObject { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = type, ["value"] = text } };
        return activity;
    }

    /// <summary>Native "${name}" text as Elsa JavaScript: variables first, then inputs, as the native rule reads them.</summary>
    private static string Placeholders(string text)
    {
        var parts = new List<string>();
        var position = 0;
        foreach (Match m in Placeholder().Matches(text))
        {
            if (m.Index > position) parts.Add(JsonSerializer.Serialize(text[position..m.Index]));
            var name = JsonSerializer.Serialize(m.Groups[1].Value.Trim());
            parts.Add($"String(getVariable({name}) ?? getInput({name}))");
            position = m.Index + m.Length;
        }
        if (position < text.Length) parts.Add(JsonSerializer.Serialize(text[position..]));
        return string.Join(" + ", parts);
    }

    [GeneratedRegex(@"\$\{([^}]+)\}")]
    private static partial Regex Placeholder();
}
