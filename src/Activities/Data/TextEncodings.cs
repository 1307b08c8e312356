using System.Text;

namespace ElsaFlow.Activities.Data;

/// <summary>
/// Text encodings by name (utf-8, gbk, gb18030, big5, shift_jis, latin1, ...) from .NET's code pages, and transcoding
/// between them and UTF-8, the only encoding DuckDB reads and writes. Reading keeps lines where they were, so line
/// numbers in errors and rejected rows still point into the original file.
/// </summary>
internal static class TextEncodings
{
    static TextEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding? Find(string name)
    {
        try { return Encoding.GetEncoding(name.Trim(), EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback); }
        catch (ArgumentException) { return null; }
    }

    public static Encoding Get(string name, string field = "encoding") => Find(name)
        ?? throw new DataStepException($"{field}: '{name}' is not a known encoding; use a name such as utf-8, gbk, gb18030, big5, shift_jis, latin1 or utf-16");

    public static bool IsUtf8(Encoding encoding) => encoding.CodePage == Encoding.UTF8.CodePage;

    /// <summary>Copies <paramref name="source"/> to a UTF-8 file line by line; bytes that are not valid text in the encoding fail with their line.</summary>
    public static async Task TranscodeToUtf8Async(string source, string displayName, Encoding encoding, string target, CancellationToken ct)
    {
        using var reader = new StreamReader(source, encoding, detectEncodingFromByteOrderMarks: false);
        await using var writer = new StreamWriter(target, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        var line = 0;
        try
        {
            while (await reader.ReadLineAsync(ct) is { } text)
            {
                line++;
                await writer.WriteAsync(text.AsMemory(), ct);
                await writer.WriteAsync('\n');
            }
        }
        catch (DecoderFallbackException)
        {
            throw new DataStepException($"encoding: line {line + 1} of '{displayName}' is not valid {encoding.WebName} text; check the encoding");
        }
    }

    /// <summary>Copies a UTF-8 file written by DuckDB into <paramref name="target"/> in another encoding.</summary>
    public static async Task TranscodeFromUtf8Async(string source, string target, Encoding encoding, CancellationToken ct)
    {
        using var reader = new StreamReader(source, Encoding.UTF8);
        await using var writer = new StreamWriter(target, append: false, encoding);
        var buffer = new char[81920];
        int read;
        while ((read = await reader.ReadAsync(buffer, ct)) > 0) await writer.WriteAsync(buffer.AsMemory(0, read), ct);
    }
}
