using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ElsaFlow.Engine.Loading;

/// <summary>Writes the flow document as YAML, quoting exactly the strings a YAML 1.2 reader would otherwise type.</summary>
internal static class YamlFlowWriter
{
    public static string Write(JsonObject document)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        new YamlStream(new YamlDocument(ToYaml(document))).Save(writer, assignAnchors: false);
        var text = writer.ToString();
        // The emitter closes every document with "..."; one flow per file needs no terminator.
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    private static YamlNode ToYaml(JsonNode? node) => node switch
    {
        JsonObject map => new YamlMappingNode(map.Select(p => new KeyValuePair<YamlNode, YamlNode>(Text(p.Key), ToYaml(p.Value)))),
        JsonArray list => new YamlSequenceNode(list.Select(ToYaml)),
        null => new YamlScalarNode("null") { Style = ScalarStyle.Plain },
        JsonValue v when v.GetValueKind() == JsonValueKind.String => Text(v.GetValue<string>()),
        _ => new YamlScalarNode(node.ToJsonString()) { Style = ScalarStyle.Plain }
    };

    private static YamlScalarNode Text(string text) =>
        new(text) { Style = YamlScalars.NeedsQuotes(text) || text.Length == 0 ? ScalarStyle.DoubleQuoted : text.Contains('\n') ? ScalarStyle.Literal : ScalarStyle.Any };
}
