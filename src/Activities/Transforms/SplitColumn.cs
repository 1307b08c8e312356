using ElsaFlow.Activities.Data;
using ElsaFlow.Data.Sql;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Transforms;

/// <summary>
/// Splits a text column by a delimiter, into rows (one per part; a NULL value stays one row) or into columns
/// (named by <c>into</c>, or column_1..column_n for <c>count</c>; missing parts are NULL). Row by row: the result is a view.
/// </summary>
[Activity(Category = "Transforms", Description = "Split a column by a delimiter into rows or into columns")]
public sealed class SplitColumn : DataActivity
{
    [Input(Description = "Column to split", Required = true)]
    public Input<string> Column { get; init; } = new("");

    [Input(Description = "Delimiter between the parts")]
    public Input<string> Delimiter { get; init; } = new(",");

    [Input(Description = "rows: one row per part; columns: one column per part")]
    public Input<SplitMode> Mode { get; init; } = new(SplitMode.Rows);

    [Input(Description = "Names of the new columns (columns mode)")]
    public Input<List<string>> Into { get; init; } = new([]);

    [Input(Description = "Number of new columns, named column_1..column_n (columns mode, when into is empty)")]
    public Input<int> Count { get; init; } = new(0);

    protected override async ValueTask<DataResult> ExecuteAsync(DataContext context)
    {
        var input = context.Input();
        var column = Columns.Require(input, context.Get(Column), "column");
        var delimiter = context.Get(Delimiter);
        if (string.IsNullOrEmpty(delimiter)) throw new DataStepException("delimiter: give the text between the parts, e.g. ,");
        var parts = $"string_split(CAST({SqlText.Identifier(column)} AS VARCHAR), {SqlText.String(delimiter)})";

        IEnumerable<string> replacement;
        if (context.Get(Mode) == SplitMode.Rows)
        {
            replacement = [$"unnest(coalesce({parts}, [NULL::VARCHAR])) AS {SqlText.Identifier(column)}"];
        }
        else
        {
            var names = context.Get(Into);
            var count = context.Get(Count);
            if (names.Count == 0 && count <= 0) throw new DataStepException("into: give the names of the new columns, or a count");
            if (names.Count == 0) names = Enumerable.Range(1, count).Select(i => $"{column}_{i}").ToList();
            foreach (var name in names)
                if (string.IsNullOrWhiteSpace(name) || !name.Equals(column, StringComparison.OrdinalIgnoreCase) && Columns.Has(input, name))
                    throw new DataStepException($"into: column '{name}' already exists or is empty; the input has {Columns.Available(input)}");
            replacement = names.Select((name, i) => $"{parts}[{i + 1}] AS {SqlText.Identifier(name)}");
        }
        var list = input.Columns.SelectMany(c => c.Name == column ? replacement : [SqlText.Identifier(c.Name)]);
        return DataResult.Done(await context.ViewAsync($"SELECT {string.Join(", ", list)} FROM {DataContext.From(input)}"));
    }
}
