using ElsaFlow.Activities.Data;
using ElsaFlow.Data;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Outputs;

/// <summary>Writes a dataset as a Parquet file with DuckDB's COPY.</summary>
[Activity(Category = "Outputs", Description = "Write the dataset to a Parquet file")]
public sealed class ParquetOutput : OutputActivity
{
    private static readonly string[] Codecs = ["snappy", "zstd", "gzip", "uncompressed"];

    [Input(Description = "File path, relative to the data root", Required = true)]
    public Input<string> Path { get; init; } = new("");

    [Input(Description = "Compression codec: snappy, zstd, gzip or uncompressed", Options = ["snappy", "zstd", "gzip", "uncompressed"])]
    public Input<string> Compression { get; init; } = new("snappy");

    protected override async Task WriteAsync(DataContext context, Dataset input)
    {
        var codec = context.Get(Compression).ToLowerInvariant();
        if (!Codecs.Contains(codec)) throw new DataStepException($"compression: unknown codec '{context.Get(Compression)}'; use one of {string.Join(", ", Codecs)}");
        var path = OutputFiles.Prepare(context, context.Get(Path), "path");
        var rows = await OutputFiles.CopyAsync(context, $"SELECT * FROM {DataContext.From(input)}", path, $"FORMAT parquet, COMPRESSION {codec}");
        context.Wrote(path);
        context.Log($"wrote {rows} rows to {path} (Parquet, {codec})");
    }
}
