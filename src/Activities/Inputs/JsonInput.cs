using DuckDB.NET.Data;
using ElsaFlow.Activities.Data;
using ElsaFlow.Data.Sql;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Inputs;

/// <summary>Reads JSON files (a JSON array of objects, or JSON lines) into a dataset; a view, since the file does not change.</summary>
[Activity(Category = "Inputs", Description = "Read JSON files (array of objects or JSON lines) into a dataset")]
public sealed class JsonInput : DataActivity
{
    private static readonly Dictionary<string, string> Formats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["auto"] = "auto", ["array"] = "array", ["lines"] = "newline_delimited"
    };

    [Input(Description = "File path or glob, relative to the data root", Required = true)]
    public Input<string> Path { get; init; } = new("");

    [Input(Description = "auto (default), array (one JSON array) or lines (one object per line)", UiHint = "dropdown", Options = ["auto", "array", "lines"])]
    public Input<string> Format { get; init; } = new("auto");

    public override void Validate(ActivityValidationContext context)
    {
        if (context.Raw("format") is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var format) && !Formats.ContainsKey(format))
            context.Report("format", $"'{format}' is not a JSON format; use auto, array or lines");
    }

    protected override async ValueTask<DataResult> ExecuteAsync(DataContext context)
    {
        var sources = InputFiles.DuckDbSources(InputFiles.Matching(context, context.Get(Path)), context.Get(Path));
        var format = context.Get(Format);
        if (!Formats.TryGetValue(format, out var duckFormat))
            throw new DataStepException($"format: '{format}' is not a JSON format; use auto, array or lines");
        try
        {
            return DataResult.Done(await context.ViewAsync($"SELECT * FROM read_json({sources}, format = {SqlText.String(duckFormat)}){context.LimitClause}"));
        }
        catch (DuckDBException e)
        {
            throw new DataStepException($"path: '{context.Get(Path)}' is not readable as JSON ({format}): {e.Message.Split('\n', 2)[0].Trim()}", e);
        }
    }
}
