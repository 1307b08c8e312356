using ElsaFlow.Activities.Data;
using ElsaFlow.Data;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Outputs;

/// <summary>
/// Base of the outputs: writes the incoming dataset somewhere and completes on Done with that same dataset, so flows can
/// chain after an output. A preview run writes nothing and only passes the dataset on.
/// </summary>
public abstract class OutputActivity : DataActivity
{
    /// <summary>
    /// The files the step wrote, relative to the data root (full paths in another root). The server lists and serves
    /// an instance's files from these outputs alone (as the journal keeps them), so nothing else, a log line least of
    /// all, can make a file downloadable.
    /// </summary>
    [Output(Description = "Files written, relative to the data root")]
    public Output<List<string>> Files { get; init; } = new();

    protected sealed override async ValueTask<DataResult> ExecuteAsync(DataContext context)
    {
        var input = context.Input();
        if (context.IsPreview && !WritesInPreview)
        {
            context.Log($"preview: {context.Activity.ActivityType} wrote nothing");
            return DataResult.Done(input);
        }
        await WriteAsync(context, input);
        if (context.WrittenFiles.Count > 0) context.Activity.Set(Files, context.WrittenFiles.Select(context.Roots.Relative).ToList());
        // A view passed on gets the count its COPY just gave: the journal and the run's summary show it without a second pass.
        return DataResult.Done(input.RowCount is null && context.RowsWritten is { } rows ? input with { RowCount = rows } : input);
    }

    /// <summary>True for outputs that only log (ConsoleOutput): showing rows in a preview changes nothing outside.</summary>
    protected virtual bool WritesInPreview => false;

    /// <summary>Writes the dataset; overwrites what an earlier run of the same step wrote.</summary>
    protected abstract Task WriteAsync(DataContext context, Dataset input);
}
