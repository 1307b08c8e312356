using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using ElsaFlow.Engine.Expressions;

namespace ElsaFlow.Engine.Loading;

/// <summary>
/// Converts between XML value elements and JSON values: text is a string, <c>&lt;item&gt;</c> children make a list,
/// other children an object, <c>expression="T"</c> an expression; an optional <c>type</c> hint (number, boolean,
/// null, list, object) keeps values whose type XML text cannot show.
/// </summary>
internal static class XmlValues
{
    public const string Item = "item";
    public const string Entry = "entry";

    public static JsonNode? Read(XElement element)
    {
        if (element.Attribute("expression") is { } language)
            return new Expression(language.Value, element.Value).ToJson();
        var hint = element.Attribute("type")?.Value;
        var children = element.Elements().ToList();
        switch (hint)
        {
            case "null": return null;
            case "string": return element.Value;
            case "number": return ParseNumber(element.Value.Trim(), element);
            case "boolean": return ParseBoolean(element.Value.Trim(), element);
            case "list": return List(children);
            case "object": return Object(children);
            case null: break;
            default: throw new FlowSyntaxException($"{At(element)}: unknown type hint '{hint}' (use string, number, boolean, null, list or object)");
        }
        if (children.Count == 0) return element.Value;
        return children.All(c => c.Name.LocalName == Item) ? List(children) : Object(children);
    }

    public static XElement Write(string name, JsonNode? value)
    {
        var element = IsName(name) && name != Entry
            ? new XElement(name)
            : new XElement(Entry, new XAttribute("key", name));
        if (Expression.TryRead(value, out var expression))
        {
            element.Add(new XAttribute("expression", expression.Type), expression.Value);
            return element;
        }
        switch (value)
        {
            case null: element.Add(new XAttribute("type", "null")); break;
            case JsonArray list:
                if (list.Count == 0) element.Add(new XAttribute("type", "list"));
                element.Add(list.Select(item => Write(Item, item)));
                break;
            case JsonObject map:
                if (map.Count == 0 || map.All(p => p.Key == Item)) element.Add(new XAttribute("type", "object"));
                element.Add(map.Select(p => Write(p.Key, p.Value)));
                break;
            case JsonValue scalar when scalar.TryGetValue<string>(out var text): element.Add(text); break;
            case JsonValue scalar when scalar.TryGetValue<bool>(out var flag): element.Add(new XAttribute("type", "boolean"), flag ? "true" : "false"); break;
            default: element.Add(new XAttribute("type", "number"), value.ToJsonString()); break;
        }
        return element;
    }

    private static bool IsName(string name) =>
        name.Length > 0 && XmlConvert.IsStartNCNameChar(name[0]) && name.All(XmlConvert.IsNCNameChar);

    public static JsonNode ByDeclaredType(string text, string? declaredType) => declaredType switch
    {
        "Number" or "Integer" when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => JsonNode.Parse(text.Trim())!,
        "Boolean" when bool.TryParse(text, out var flag) => JsonValue.Create(flag),
        _ => JsonValue.Create(text)
    };

    public static JsonNode ParseBoolean(string text, XElement where) =>
        bool.TryParse(text, out var flag) ? JsonValue.Create(flag) : throw new FlowSyntaxException($"{At(where)}: '{text}' is not true or false");

    public static string At(XElement element) =>
        element is IXmlLineInfo { LineNumber: > 0 } info ? $"line {info.LineNumber}, column {info.LinePosition}" : $"<{element.Name.LocalName}>";

    private static JsonNode ParseNumber(string text, XElement where) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && !text.Contains(',')
            ? JsonNode.Parse(text)! : throw new FlowSyntaxException($"{At(where)}: '{text}' is not a number");

    private static JsonArray List(IEnumerable<XElement> children) => new(children.Select(Read).ToArray());

    private static JsonObject Object(IEnumerable<XElement> children)
    {
        var result = new JsonObject();
        foreach (var child in children)
        {
            var key = child.Name.LocalName == Entry && child.Attribute("key") is { } k ? k.Value : child.Name.LocalName;
            if (result.ContainsKey(key)) throw new FlowSyntaxException($"{At(child)}: <{key}> is given twice");
            result[key] = Read(child);
        }
        return result;
    }
}
