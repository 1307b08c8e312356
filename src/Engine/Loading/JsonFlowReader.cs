using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ElsaFlow.Engine.Loading;

/// <summary>Reads native JSON flow text into the flow document.</summary>
internal static class JsonFlowReader
{
    public static JsonObject Read(string text, string source, FlowLimits limits)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        JsonDocumentCheck.Check(utf8, source, limits.MaxDepth);
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = limits.MaxDepth };
        var node = JsonNode.Parse(utf8, documentOptions: options);
        return node as JsonObject ?? throw new FlowSyntaxException($"{source} is not a flow: the document must be a JSON object, not {Describe(node)}");
    }

    internal static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "a list",
        JsonValue v => $"a {v.GetValueKind().ToString().ToLowerInvariant()} value",
        _ => "an object"
    };

    internal static string FirstSentence(string message)
    {
        foreach (var marker in new[] { " Path:", " LineNumber:" })
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut >= 0) message = message[..cut];
        }
        return message.Trim().TrimEnd('.');
    }
}
