using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ElsaFlow.Engine.Loading;

/// <summary>Reads YAML flow text into the same JSON document shape as native JSON (YAML 1.2 core schema).</summary>
internal static class YamlFlowReader
{
    public static JsonObject Read(string text, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var reason = e.InnerException is YamlException inner ? inner.Message : e.Message;
            throw new FlowSyntaxException($"{source} is not valid YAML: line {e.Start.Line}, column {e.Start.Column}: {Clean(reason)}");
        }
        if (stream.Documents.Count == 0) throw new FlowSyntaxException($"{source} is not a flow: the YAML document is empty");
        var node = ToJson(stream.Documents[0].RootNode, source);
        return node as JsonObject
            ?? throw new FlowSyntaxException($"{source} is not a flow: the document must be a mapping, not {JsonFlowReader.Describe(node)}");
    }

    private static JsonNode? ToJson(YamlNode node, string source) => node switch
    {
        YamlScalarNode scalar => Scalar(scalar),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(child => ToJson(child, source)).ToArray()),
        YamlMappingNode mapping => Mapping(mapping, source),
        _ => null
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        // Only plain scalars carry a type; quoted and block scalars are always text. Explicit tags win.
        if (scalar.Tag.IsEmpty == false && scalar.Tag.Value == "tag:yaml.org,2002:str") return JsonValue.Create(scalar.Value ?? "");
        return scalar.Style == ScalarStyle.Plain ? YamlScalars.Resolve(scalar.Value ?? "") : JsonValue.Create(scalar.Value ?? "");
    }

    private static JsonObject Mapping(YamlMappingNode mapping, string source)
    {
        var result = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            var name = key is YamlScalarNode k ? k.Value ?? "" : key.ToString();
            if (result.ContainsKey(name))
                throw new FlowSyntaxException($"{source} is not valid YAML: line {key.Start.Line}, column {key.Start.Column}: the key '{name}' appears twice");
            result[name] = ToJson(value, source);
        }
        return result;
    }

    private static string Clean(string message) =>
        string.Join(' ', message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');
}
