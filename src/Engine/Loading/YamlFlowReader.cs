using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ElsaFlow.Engine.Loading;

/// <summary>
/// Reads YAML flow text into the same JSON document shape as native JSON (YAML 1.2 core schema). It walks the
/// parser's events with its own stack instead of building YamlDotNet's node tree: that tree follows aliases
/// recursively, so one self-referencing anchor overflowed the stack and killed the process. Anchors and aliases
/// are refused (a flow file never needs them), and nesting is bounded like JSON's.
/// </summary>
internal static class YamlFlowReader
{
    public static JsonObject Read(string text, string source, FlowLimits limits)
    {
        try
        {
            return ReadDocument(new Parser(new StringReader(text)), source, limits);
        }
        catch (YamlException e)
        {
            var reason = e.InnerException is YamlException inner ? inner.Message : e.Message;
            throw new FlowSyntaxException($"{source} is not valid YAML: {At(e.Start)}: {Clean(reason)}");
        }
    }

    private static JsonObject ReadDocument(IParser parser, string source, FlowLimits limits)
    {
        var builder = new YamlDocumentBuilder(source, limits.MaxDepth);
        while (!builder.IsComplete && parser.MoveNext())
        {
            var current = parser.Current!;
            if (current is NodeEvent { Anchor.IsEmpty: false } anchored)
                throw Refused(source, current.Start, $"anchors (&{anchored.Anchor.Value}) are not allowed in flow files; write the value out where it is used");
            switch (current)
            {
                case AnchorAlias alias:
                    throw Refused(source, current.Start, $"aliases (*{alias.Value}) are not allowed in flow files; write the value out where it is used");
                case Scalar scalar: builder.Value(Scalar(scalar), current.Start, scalar.Value); break;
                case MappingStart: builder.Open(new JsonObject(), current.Start); break;
                case SequenceStart: builder.Open(new JsonArray(), current.Start); break;
                case MappingEnd or SequenceEnd: builder.Close(); break;
            }
        }
        var node = builder.Root;
        if (!builder.IsComplete) throw new FlowSyntaxException($"{source} is not a flow: the YAML document is empty");
        return node as JsonObject
            ?? throw new FlowSyntaxException($"{source} is not a flow: the document must be a mapping, not {JsonFlowReader.Describe(node)}");
    }

    private static JsonNode? Scalar(Scalar scalar)
    {
        // Only plain scalars carry a type; quoted and block scalars are always text. Explicit tags win.
        if (!scalar.Tag.IsEmpty && scalar.Tag.Value == "tag:yaml.org,2002:str") return JsonValue.Create(scalar.Value ?? "");
        return scalar.Style == ScalarStyle.Plain ? YamlScalars.Resolve(scalar.Value ?? "") : JsonValue.Create(scalar.Value ?? "");
    }

    internal static string At(Mark mark) => $"line {mark.Line}, column {mark.Column}";

    internal static FlowSyntaxException Refused(string source, Mark where, string reason) =>
        new($"{source} is not valid YAML: {At(where)}: {reason}");

    private static string Clean(string message) =>
        string.Join(' ', message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');
}
