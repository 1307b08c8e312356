using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;

namespace ElsaFlow.Engine.Loading;

/// <summary>
/// Reads XML flow text into the same JSON document shape as native JSON. XML text is untyped: activity inputs
/// stay strings (the mapper coerces them with the activity's descriptor) unless a <c>type</c> hint says otherwise.
/// </summary>
internal static class XmlFlowReader
{
    private static readonly HashSet<string> ActivityAttributes = ["id", "type", "name", "description", "start", "delay", "timeout", "onError", "worker"];

    public static JsonObject Read(string text, string source, FlowLimits limits)
    {
        XDocument document;
        try
        {
            // The reading below recurses once per element level, so a deep document is refused before it starts.
            CheckDepth(text, source, limits.MaxDepth);
            document = XDocument.Parse(text, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new FlowSyntaxException($"{source} is not valid XML: line {e.LineNumber}, column {e.LinePosition}: {Reason(e.Message)}");
        }
        var root = document.Root!;
        if (root.Name.LocalName != "workflow")
            throw new FlowSyntaxException($"{source} is not a flow: the XML root element must be <workflow>, not <{root.Name.LocalName}>");
        try
        {
            return Workflow(root);
        }
        catch (FlowSyntaxException e)
        {
            throw new FlowSyntaxException($"{source} is not a valid XML flow: {e.Message}");
        }
    }

    private static void CheckDepth(string text, string source, int maxDepth)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(text), settings);
        while (reader.Read())
            if (reader.NodeType == XmlNodeType.Element && reader.Depth >= maxDepth && reader is IXmlLineInfo info)
                throw new FlowSyntaxException($"{source} is not valid XML: line {info.LineNumber}, column {info.LinePosition}: the document nests deeper than {maxDepth} levels");
    }

    private static JsonObject Workflow(XElement element)
    {
        var result = new JsonObject();
        foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration))
            result[attribute.Name.LocalName] = attribute.Name.LocalName == "version" && int.TryParse(attribute.Value, CultureInfo.InvariantCulture, out var version)
                ? version : attribute.Value;
        foreach (var child in element.Elements())
        {
            var name = child.Name.LocalName;
            result[name == "inputs" || name == "variables" || name == "metadata" ? name : "root"] = name switch
            {
                "inputs" => new JsonArray(child.Elements().Select(e => TypedDeclaration(e, "default")).ToArray<JsonNode?>()),
                "variables" => new JsonArray(child.Elements().Select(e => TypedDeclaration(e, "value")).ToArray<JsonNode?>()),
                "metadata" => XmlValues.Read(child),
                _ => Activity(child)
            };
        }
        return result;
    }

    /// <summary>An input or variable declaration; its value is typed by its declared type, since that schema is fixed.</summary>
    private static JsonObject TypedDeclaration(XElement element, string valueKey)
    {
        var result = new JsonObject();
        foreach (var attribute in element.Attributes())
            result[attribute.Name.LocalName] = attribute.Name.LocalName is "required" or "sensitive" ? XmlValues.ParseBoolean(attribute.Value, element) : attribute.Value;
        foreach (var child in element.Elements())
            result[child.Name.LocalName] = XmlValues.Read(child);
        if (result[valueKey] is JsonValue raw && raw.TryGetValue<string>(out var text))
            result[valueKey] = XmlValues.ByDeclaredType(text, result["type"]?.GetValue<string>());
        return result;
    }

    private static JsonObject Activity(XElement element)
    {
        var result = new JsonObject();
        var name = element.Name.LocalName;
        if (name is "flowchart" or "sequence") result["type"] = name == "flowchart" ? "Flowchart" : "Sequence";
        else if (name != "activity") throw new FlowSyntaxException($"{XmlValues.At(element)}: expected <activity>, <flowchart> or <sequence>, found <{name}>");
        foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration))
        {
            if (!ActivityAttributes.Contains(attribute.Name.LocalName))
                throw new FlowSyntaxException($"{XmlValues.At(element)}: unknown attribute '{attribute.Name.LocalName}' on <{name}>; inputs are child elements");
            result[attribute.Name.LocalName] = attribute.Value;
        }
        var activities = new JsonArray();
        var connections = new JsonArray();
        foreach (var child in element.Elements())
        {
            switch (child.Name.LocalName)
            {
                // An input may be called "connection" or "activity" too; the attributes tell them apart.
                case "activity" when child.Attribute("type") is not null: activities.Add(Activity(child)); break;
                case "flowchart" or "sequence": activities.Add(Activity(child)); break;
                case "connection" when child.Attribute("from") is not null || child.Attribute("to") is not null: connections.Add(Connection(child)); break;
                case "retry": result["retry"] = Retry(child); break;
                case var key when result.ContainsKey(key):
                    throw new FlowSyntaxException($"{XmlValues.At(child)}: <{key}> is given twice");
                case var key: result[key] = XmlValues.Read(child); break;
            }
        }
        if (activities.Count > 0) result["activities"] = activities;
        if (connections.Count > 0) result["connections"] = connections;
        return result;
    }

    private static JsonObject Retry(XElement element)
    {
        var result = new JsonObject();
        foreach (var attribute in element.Attributes()) result[attribute.Name.LocalName] = attribute.Value;
        foreach (var child in element.Elements()) result[child.Name.LocalName] = child.Value.Trim();
        if (result["attempts"] is JsonValue v && int.TryParse(v.GetValue<string>(), CultureInfo.InvariantCulture, out var attempts))
            result["attempts"] = attempts;
        return result;
    }

    private static JsonObject Connection(XElement element)
    {
        var from = element.Attribute("from")?.Value ?? throw new FlowSyntaxException($"{XmlValues.At(element)}: <connection> needs a from=\"activity:Port\" attribute");
        var to = element.Attribute("to")?.Value ?? throw new FlowSyntaxException($"{XmlValues.At(element)}: <connection> needs a to=\"activity:Port\" attribute");
        return new JsonObject { ["source"] = Endpoint(from, "Done"), ["target"] = Endpoint(to, "In") };
    }

    private static JsonObject Endpoint(string text, string defaultPort)
    {
        var colon = text.IndexOf(':');
        return colon < 0
            ? new JsonObject { ["activity"] = text.Trim(), ["port"] = defaultPort }
            : new JsonObject { ["activity"] = text[..colon].Trim(), ["port"] = text[(colon + 1)..].Trim() };
    }

    private static string Reason(string message)
    {
        var cut = message.IndexOf(" Line ", StringComparison.Ordinal);
        return (cut >= 0 ? message[..cut] : message).Trim().TrimEnd(',', '.');
    }
}
