namespace ElsaFlow.Activities.Inputs;

/// <summary>
/// Tells text from binary by the first bytes of a file, as git and file(1) do: text never holds a NUL byte, and
/// holds few other control characters. DuckDB's CSV reader read 100 KB of random bytes as zero rows and zero rejects,
/// so a wrong file (a zip, an image) passed as an empty dataset.
/// </summary>
internal static class TextFileCheck
{
    private const int SampleBytes = 8 * 1024;

    /// <summary>Null when the file looks like text; otherwise why it does not.</summary>
    public static string? WhyBinary(string path)
    {
        var sample = new byte[SampleBytes];
        int read;
        using (var file = File.OpenRead(path)) read = file.ReadAtLeast(sample, SampleBytes, throwOnEndOfStream: false);
        var controls = 0;
        for (var i = 0; i < read; i++)
        {
            var b = sample[i];
            if (b == 0) return $"a NUL byte at byte {i + 1:N0}";
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\n' and not (byte)'\r' and not 0x0C and not 0x1A) controls++;
        }
        return read > 0 && controls * 10 > read ? $"{controls:N0} control characters in its first {read:N0} bytes" : null;
    }
}
