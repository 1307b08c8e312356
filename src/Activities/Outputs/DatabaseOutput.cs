using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Outputs;

/// <summary>What every database-file writer takes: the file, the table, and how to write into it.</summary>
public abstract class DatabaseOutput : OutputActivity
{
    [Input(Description = "Database file path, relative to the data root", Required = true)]
    public Input<string> Path { get; init; } = new("");

    [Input(Description = "Table to write", Required = true)]
    public Input<string> Table { get; init; } = new("");

    [Input(Description = "insert (append), overwrite (replace the table) or upsert (by keys)")]
    public Input<TableWriteMode> Mode { get; init; } = new(TableWriteMode.Insert);

    [Input(Description = "Key columns that identify a row, for upsert")]
    public Input<List<string>> Keys { get; init; } = new([]);
}
