using ElsaFlow.Activities.Data;
using ElsaFlow.Data.Sql;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Transforms;

/// <summary>
/// Drops duplicate rows by key columns (all columns when no keys are given), keeping the first or the last of each
/// group. First and last follow the input's row order, taken as a row number in one pass over the input
/// (<c>row_number() OVER ()</c>): the order its producer yields, which is defined after a Sort or a file read. The
/// result's row order is not promised. Kept as a view when read once, else a table (<see cref="ResultKeeping"/>): a
/// view numbers its input again each time it runs, which gives the same rows for an input whose order is defined.
/// </summary>
[Activity(Category = "Transforms", Description = "Drop duplicate rows by key columns, keeping the first or the last")]
public sealed class Duplicate : DataActivity
{
    [Input(Description = "Key columns; all columns when empty")]
    public Input<List<string>> Keys { get; init; } = new([]);

    [Input(Description = "Keep the first or the last row of each key, in the input's row order")]
    public Input<DuplicateKeep> Keep { get; init; } = new(DuplicateKeep.First);

    protected override async ValueTask<DataResult> ExecuteAsync(DataContext context)
    {
        var input = context.Input();
        var keys = Columns.Require(input, context.Get(Keys), "keys");
        if (keys.Count == 0) keys = input.Columns.Select(c => c.Name).ToList();
        var row = SqlText.Identifier(Aggregates.RowNumber);
        var direction = context.Get(Keep) == DuplicateKeep.First ? "ASC" : "DESC";
        var select = $"SELECT * EXCLUDE ({row}) FROM {Aggregates.Numbered(input)} " +
                     $"QUALIFY row_number() OVER (PARTITION BY {SqlText.Identifiers(keys)} ORDER BY {row} {direction}) = 1";
        return DataResult.Done(await ResultKeeping.BlockingAsync(context, select));
    }
}
