namespace ElsaFlow.Engine.Loading;

/// <summary>
/// Refuses flow text that no file can hold: half a surrogate pair or a NUL character. Such text reads as a string in
/// every format, then breaks whatever writes it as UTF-8 later (the store, the API's answer).
/// </summary>
internal static class TextCheck
{
    public static void Check(string text, string source)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                lineStart = i + 1;
            }
            else if (c == '\0') throw Bad(source, line, i - lineStart + 1, "a NUL character");
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(c)) throw Bad(source, line, i - lineStart + 1, "half of a UTF-16 surrogate pair (the text is not valid Unicode)");
        }
    }

    private static FlowSyntaxException Bad(string source, int line, int column, string what) =>
        new($"{source} is not a flow text: line {line}, column {column}: {what}");
}
