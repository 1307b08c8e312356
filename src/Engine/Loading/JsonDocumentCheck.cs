using System.Text;
using System.Text.Json;

namespace ElsaFlow.Engine.Loading;

/// <summary>
/// One pass of the JSON reader over a flow text before it is turned into nodes: syntax, nesting depth and keys given
/// twice, each reported with line and column. System.Text.Json's own duplicate check names no place, and
/// deserializing a JsonObject with a duplicate key throws an ArgumentException instead of a JsonException.
/// </summary>
internal static class JsonDocumentCheck
{
    public static void Check(byte[] utf8, string source, int maxDepth)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = maxDepth
        });
        var keys = new Stack<HashSet<string>>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject: keys.Push(new HashSet<string>(StringComparer.Ordinal)); break;
                    case JsonTokenType.EndObject: keys.Pop(); break;
                    case JsonTokenType.PropertyName:
                        var key = Text(ref reader, utf8, source);
                        if (!keys.Peek().Add(key))
                            throw new FlowSyntaxException($"{source} is not valid JSON: {At(utf8, reader.TokenStartIndex)}: the key '{key}' appears twice in one object");
                        break;
                    // Only an escape (\ud800) can make text that is not Unicode; reading it later would throw far from here.
                    case JsonTokenType.String when reader.ValueIsEscaped: Text(ref reader, utf8, source); break;
                }
            }
        }
        catch (JsonException e)
        {
            // System.Text.Json counts lines and columns from zero; people count from one.
            var where = e.LineNumber is { } line ? $"line {line + 1}, column {e.BytePositionInLine + 1}: " : "";
            throw new FlowSyntaxException($"{source} is not valid JSON: {where}{JsonFlowReader.FirstSentence(e.Message)}");
        }
    }

    private static string Text(ref Utf8JsonReader reader, byte[] utf8, string source)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new FlowSyntaxException($"{source} is not valid JSON: {At(utf8, reader.TokenStartIndex)}: an escape gives half of a UTF-16 surrogate pair (the text is not valid Unicode)");
        }
    }

    /// <summary>Line and column (from one, in characters) of a byte offset.</summary>
    private static string At(byte[] utf8, long offset)
    {
        var before = utf8.AsSpan(0, (int)offset);
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var line = before.Count((byte)'\n') + 1;
        return $"line {line}, column {Encoding.UTF8.GetCharCount(before[lineStart..]) + 1}";
    }
}
