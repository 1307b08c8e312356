using ElsaFlow.Activities.Data;
using ElsaFlow.Data.Sql;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Inputs;

/// <summary>Reads CSV files (a path or a glob) into a dataset.</summary>
[Activity(Category = "Inputs", Description = "Read CSV files (path or glob) into a dataset", Outcomes = ["Done", "Rejected"])]
public sealed class CsvInput : DataActivity
{
    [Input(Description = "File path or glob, relative to the data root", Required = true)]
    public Input<string> Path { get; init; } = new("");

    [Input(Description = "Column separator")]
    public Input<string> Delimiter { get; init; } = new(",");

    [Input(Description = "Whether the first line holds the column names")]
    public Input<bool> Header { get; init; } = new(true);

    protected override async ValueTask<DataResult> ExecuteAsync(DataContext context)
    {
        var path = context.ResolvePath(context.Get(Path), "path");
        if (!path.Contains('*') && !File.Exists(path)) throw new DataStepException($"path: the file '{context.Get(Path)}' does not exist ({path})");
        var select = $"SELECT * FROM read_csv({SqlText.String(path)}, delim = {SqlText.String(context.Get(Delimiter))}, header = {(context.Get(Header) ? "true" : "false")}){context.LimitClause}";
        return DataResult.Done(await context.ViewAsync(select));
    }
}
