using System.Text;
using System.Text.RegularExpressions;
using ElsaFlow.Activities.Data;
using ElsaFlow.Data;
using ElsaFlow.Data.Sql;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Outputs;

/// <summary>
/// Writes a dataset as CSV with DuckDB's COPY. With <c>splitRows: N</c> it writes part files of at most N rows named
/// after the path with a 4-digit part number: <c>out/sales.csv</c> becomes <c>out/sales_0001.csv</c>, <c>out/sales_0002.csv</c>...
/// (parts left by an earlier, longer run are removed). Encodings other than UTF-8 (gbk, latin1...) are transcoded after writing.
/// </summary>
[Activity(Category = "Outputs", Description = "Write the dataset to a CSV file (or part files of splitRows rows)")]
public sealed class CsvOutput : OutputActivity
{
    [Input(Description = "File path, relative to the data root", Required = true)]
    public Input<string> Path { get; init; } = new("");

    [Input(Description = "Column separator")]
    public Input<string> Delimiter { get; init; } = new(",");

    [Input(Description = "Whether to write a header line with the column names")]
    public Input<bool> Header { get; init; } = new(true);

    [Input(Description = "Text encoding of the file: utf-8, gbk, latin1...")]
    public Input<string> Encoding { get; init; } = new("utf-8");

    [Input(Description = "Rows per part file (path_0001.csv, path_0002.csv...); 0 writes one file")]
    public Input<int> SplitRows { get; init; } = new(0);

    protected override async Task WriteAsync(DataContext context, Dataset input)
    {
        var path = OutputFiles.Prepare(context, context.Get(Path), "path");
        var named = TextEncodings.Get(context.Get(Encoding));
        var encoding = TextEncodings.IsUtf8(named) ? null : named;
        var split = context.Get(SplitRows);
        if (split < 0) throw new DataStepException($"splitRows: {split} is negative; give 0 for one file or the rows per part");
        var delimiter = context.Get(Delimiter);
        if (delimiter.Length == 0) throw new DataStepException("delimiter: give a column separator");
        var options = $"FORMAT csv, DELIMITER {SqlText.String(delimiter)}, HEADER {(context.Get(Header) ? "true" : "false")}";

        if (split == 0)
        {
            var rows = await WriteFileAsync(context, $"SELECT * FROM {DataContext.From(input)}", path, options, encoding);
            context.Wrote(path);
            context.Log($"wrote {rows} rows to {path}");
            return;
        }
        await WritePartsAsync(context, input, path, split, options, context.Get(Header), encoding);
    }

    private static async Task WritePartsAsync(DataContext context, Dataset input, string path, int split, string options, bool header, Encoding? encoding)
    {
        RemoveParts(path);
        // One COPY of the whole input, in its order, then cut into parts by CsvParts (which says why not in DuckDB):
        // the input is computed once and streamed, never copied into a numbered table first.
        var whole = OutputFiles.Beside(context, path + ".parts.tmp", "path");
        string Part(int part) => OutputFiles.Beside(context, PartPath(path, part), "path");
        Func<int, string> partFile = encoding is null ? Part : part => OutputFiles.Beside(context, PartPath(path, part) + ".utf8.tmp", "path");
        try
        {
            var written = await OutputFiles.CopyAsync(context, $"SELECT * FROM {DataContext.From(input)}", whole, options);
            var (rows, parts) = CsvParts.Split(whole, split, header, partFile, context.CancellationToken);
            if (rows != written)
                throw new DataStepException($"splitRows: DuckDB wrote {written} rows but {rows} were found between its quotes; a delimiter holding '\"' cannot be split into parts");
            if (encoding is not null)
                for (var part = 1; part <= parts; part++)
                {
                    await TextEncodings.TranscodeFromUtf8Async(partFile(part), Part(part), encoding, context.CancellationToken);
                    File.Delete(partFile(part));
                }
            for (var part = 1; part <= parts; part++) context.Wrote(Part(part));
            context.Log($"wrote {rows} rows to {parts} part files {PartPath(path, 1)} ... {PartPath(path, parts)}");
        }
        finally
        {
            File.Delete(whole);
        }
    }

    private static async Task<long> WriteFileAsync(DataContext context, string select, string path, string options, Encoding? encoding)
    {
        if (encoding is null) return await OutputFiles.CopyAsync(context, select, path, options);
        var utf8 = OutputFiles.Beside(context, path + ".utf8.tmp", "path");
        try
        {
            var rows = await OutputFiles.CopyAsync(context, select, utf8, options);
            await TextEncodings.TranscodeFromUtf8Async(utf8, path, encoding, context.CancellationToken);
            return rows;
        }
        finally
        {
            File.Delete(utf8);
        }
    }

    /// <summary>The file of part <paramref name="part"/> (from 1): <c>dir/name_0001.ext</c>.</summary>
    public static string PartPath(string path, int part) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!,
            $"{System.IO.Path.GetFileNameWithoutExtension(path)}_{part:D4}{System.IO.Path.GetExtension(path)}");

    private static void RemoveParts(string path)
    {
        var folder = System.IO.Path.GetDirectoryName(path)!;
        var stem = System.IO.Path.GetFileNameWithoutExtension(path);
        var extension = System.IO.Path.GetExtension(path);
        var pattern = new Regex("^" + Regex.Escape(stem) + @"_\d{4,}" + Regex.Escape(extension) + "$");
        foreach (var file in Directory.EnumerateFiles(folder, stem + "_*" + extension))
            if (pattern.IsMatch(System.IO.Path.GetFileName(file))) File.Delete(file);
    }
}
