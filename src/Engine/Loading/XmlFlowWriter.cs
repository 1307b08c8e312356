using System.Text.Json.Nodes;
using System.Xml.Linq;
using ElsaFlow.Engine.Model;

namespace ElsaFlow.Engine.Loading;

/// <summary>Writes the flow document as XML: scalar flow fields as attributes, activities as elements, inputs as child elements.</summary>
internal static class XmlFlowWriter
{
    private static readonly string[] FlowAttributes = ["definitionId", "name", "version", "description"];

    public static string Write(JsonObject document)
    {
        var workflow = new XElement("workflow");
        foreach (var key in FlowAttributes)
            if (document[key] is JsonValue value) workflow.Add(new XAttribute(key, value.ToString()));
        if (document["inputs"] is JsonArray inputs) workflow.Add(new XElement("inputs", inputs.Select(i => Declaration("input", (JsonObject)i!))));
        if (document["variables"] is JsonArray variables) workflow.Add(new XElement("variables", variables.Select(v => Declaration("variable", (JsonObject)v!))));
        if (document["metadata"] is JsonObject metadata) workflow.Add(XmlValues.Write("metadata", metadata));
        if (document["root"] is JsonObject root) workflow.Add(Activity(root, isRoot: true));
        return new XDocument(workflow).ToString() + "\n";
    }

    /// <summary>Scalar fields of an input or variable go in attributes; structured values in child elements.</summary>
    private static XElement Declaration(string name, JsonObject item) =>
        new(name, item.Select(p => p.Value is JsonValue v ? (object)new XAttribute(p.Key, Scalar(v)) : XmlValues.Write(p.Key, p.Value)));

    private static XElement Activity(JsonObject activity, bool isRoot)
    {
        var type = activity["type"]?.GetValue<string>();
        var element = new XElement(isRoot && type is "Flowchart" or "Sequence" ? type.ToLowerInvariant() : "activity");
        foreach (var (key, value) in activity)
        {
            switch (key)
            {
                case "type" when element.Name != "activity": break;
                case "id" or "type" or "start": element.Add(new XAttribute(key, value!.GetValue<string>())); break;
                case "activities": element.Add(((JsonArray)value!).Select(child => Activity((JsonObject)child!, isRoot: false))); break;
                case "connections": element.Add(((JsonArray)value!).Select(c => Connection((JsonObject)c!))); break;
                case "retry": element.Add(new XElement("retry", ((JsonObject)value!).Select(p => new XElement(p.Key, Scalar((JsonValue)p.Value!))))); break;
                default: element.Add(XmlValues.Write(key, value)); break;
            }
        }
        return element;
    }

    private static XElement Connection(JsonObject connection) =>
        new("connection", new XAttribute("from", End(connection["source"])), new XAttribute("to", End(connection["target"])));

    private static string End(JsonNode? end) => $"{end?["activity"]}:{end?["port"]}";

    private static string Scalar(JsonValue value) => value.TryGetValue<bool>(out var flag) ? (flag ? "true" : "false") : value.ToString();
}
