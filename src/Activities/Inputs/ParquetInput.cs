using DuckDB.NET.Data;
using ElsaFlow.Activities.Data;
using ElsaFlow.Data.Sql;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Inputs;

/// <summary>Reads Parquet files (a path or a glob) into a dataset; a view, since the files do not change.</summary>
[Activity(Category = "Inputs", Description = "Read Parquet files (path or glob) into a dataset")]
public sealed class ParquetInput : DataActivity
{
    [Input(Description = "File path or glob, relative to the data root", Required = true)]
    public Input<string> Path { get; init; } = new("");

    protected override async ValueTask<DataResult> ExecuteAsync(DataContext context)
    {
        var sources = InputFiles.DuckDbSources(InputFiles.Matching(context, context.Get(Path)), context.Get(Path));
        try
        {
            return DataResult.Done(await context.ViewAsync($"SELECT * FROM read_parquet({sources}, union_by_name = true){context.LimitClause}"));
        }
        catch (DuckDBException e)
        {
            throw new DataStepException($"path: '{context.Get(Path)}' is not readable as Parquet: {e.Message.Split('\n', 2)[0].Trim()}", e);
        }
    }
}
