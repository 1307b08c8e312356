using System.Text;
using ElsaFlow.Activities.Data;

namespace ElsaFlow.Activities.Outputs;

/// <summary>Text encodings for files written outside UTF-8 (gbk, latin1, windows-1252...), through .NET code pages.</summary>
internal static class TextEncodings
{
    static TextEncodings() => System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The encoding to transcode to, or null for UTF-8 (what DuckDB writes).</summary>
    public static Encoding? Find(string name, string field)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Replace("-", "").Equals("utf8", StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            return System.Text.Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            throw new DataStepException($"{field}: unknown encoding '{name}'; use utf-8, gbk, latin1, windows-1252...");
        }
    }

    public static async Task TranscodeAsync(string from, string to, Encoding encoding, CancellationToken ct)
    {
        using var reader = new StreamReader(from, System.Text.Encoding.UTF8);
        await using var writer = new StreamWriter(to, append: false, encoding);
        var buffer = new char[81920];
        int read;
        while ((read = await reader.ReadAsync(buffer, ct)) > 0) await writer.WriteAsync(buffer.AsMemory(0, read), ct);
    }
}
