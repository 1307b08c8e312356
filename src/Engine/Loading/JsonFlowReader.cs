using System.Text.Json;
using System.Text.Json.Nodes;

namespace ElsaFlow.Engine.Loading;

/// <summary>Reads native JSON flow text into the flow document.</summary>
internal static class JsonFlowReader
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static JsonObject Read(string text, string source)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: Options);
        }
        catch (JsonException e)
        {
            // System.Text.Json counts lines and columns from zero; people count from one.
            var where = e.LineNumber is { } line ? $"line {line + 1}, column {e.BytePositionInLine + 1}: " : "";
            throw new FlowSyntaxException($"{source} is not valid JSON: {where}{FirstSentence(e.Message)}");
        }
        return node as JsonObject ?? throw new FlowSyntaxException($"{source} is not a flow: the document must be a JSON object, not {Describe(node)}");
    }

    internal static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "a list",
        JsonValue v => $"a {v.GetValueKind().ToString().ToLowerInvariant()} value",
        _ => "an object"
    };

    private static string FirstSentence(string message)
    {
        foreach (var marker in new[] { " Path:", " LineNumber:" })
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut >= 0) message = message[..cut];
        }
        return message.Trim().TrimEnd('.');
    }
}
