using ElsaFlow.Activities.Data;
using ElsaFlow.Data;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Outputs;

/// <summary>Shows the first rows of a dataset as an aligned text table in the activity log (numbers right-aligned).</summary>
[Activity(Category = "Outputs", Description = "Show the first rows of the dataset as an aligned table in the log")]
public sealed class ConsoleOutput : OutputActivity
{
    [Input(Description = "How many rows to show")]
    public Input<int> Rows { get; init; } = new(20);

    [Input(Description = "Longest cell text shown; longer cells are cut with ...")]
    public Input<int> MaxWidth { get; init; } = new(40);

    protected override bool WritesInPreview => true;

    protected override async Task WriteAsync(DataContext context, Dataset input)
    {
        var limit = context.Get(Rows);
        if (limit < 0) throw new DataStepException($"rows: {limit} is negative; give how many rows to show");
        var maxWidth = Math.Max(4, context.Get(MaxWidth));
        var rows = new List<string[]>();
        await foreach (var cells in OutputRows.TextAsync(context, input, limit))
            rows.Add(cells.Select(c => c as string ?? "NULL").ToArray());
        var table = TextTable.Render(input.Columns.Select(c => c.Name).ToList(), rows, input.Columns.Select(c => OutputRows.IsNumeric(c.Type)).ToList(), maxWidth);
        var total = input.RowCount is { } count ? $" of {count}" : "";
        context.Log($"{rows.Count}{total} rows:\n{table}");
    }
}
