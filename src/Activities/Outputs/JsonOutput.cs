using ElsaFlow.Activities.Data;
using ElsaFlow.Data;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Outputs;

/// <summary>Writes a dataset as JSON with DuckDB's COPY: a JSON array of row objects, or JSON Lines.</summary>
[Activity(Category = "Outputs", Description = "Write the dataset to a JSON file (array or JSON Lines)")]
public sealed class JsonOutput : OutputActivity
{
    [Input(Description = "File path, relative to the data root", Required = true)]
    public Input<string> Path { get; init; } = new("");

    [Input(Description = "array: one JSON array of objects; lines: one object per line")]
    public Input<JsonFormat> Format { get; init; } = new(JsonFormat.Array);

    protected override async Task WriteAsync(DataContext context, Dataset input)
    {
        var path = OutputFiles.Prepare(context, context.Get(Path), "path");
        var format = context.Get(Format);
        var array = format == JsonFormat.Array ? "true" : "false";
        var rows = await OutputFiles.CopyAsync(context, $"SELECT * FROM {DataContext.From(input)}", path, $"FORMAT json, ARRAY {array}");
        context.Wrote(path);
        context.Log($"wrote {rows} rows to {path} (JSON {format.ToString().ToLowerInvariant()})");
    }
}
