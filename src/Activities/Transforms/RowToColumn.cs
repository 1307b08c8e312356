using ElsaFlow.Activities.Data;
using ElsaFlow.Data.Sql;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Transforms;

/// <summary>
/// Pivots: one row per <c>index</c> key, one column per distinct value of <c>column</c> (sorted, as text; NULL
/// values are skipped), each cell the aggregate of <c>value</c> over its rows. A blocking step: the result is a table.
/// </summary>
[Activity(Category = "Transforms", Description = "Pivot: turn the values of a column into columns")]
public sealed class RowToColumn : DataActivity
{
    private const int MaxColumns = 1000;

    [Input(Description = "Columns that identify an output row")]
    public Input<List<string>> Index { get; init; } = new([]);

    [Input(Description = "Column whose values become column names", Required = true)]
    public Input<string> Column { get; init; } = new("");

    [Input(Description = "Column whose values fill the cells", Required = true)]
    public Input<string> Value { get; init; } = new("");

    [Input(Description = "Aggregate for several values in a cell: sum, avg, min, max, count, count_distinct, first, last or string_agg",
        Options = ["sum", "avg", "min", "max", "count", "count_distinct", "first", "last", "string_agg"])]
    public Input<string> Function { get; init; } = new("first");

    protected override async ValueTask<DataResult> ExecuteAsync(DataContext context)
    {
        var input = context.Input();
        var index = Columns.Require(input, context.Get(Index), "index");
        var column = Columns.Require(input, context.Get(Column), "column");
        var value = Columns.Require(input, context.Get(Value), "value");
        var function = Aggregates.Normalize(context.Get(Function), "function");
        var pivot = $"CAST({SqlText.Identifier(column)} AS VARCHAR)";

        var distinct = await context.Workspace.QueryAsync(
            $"SELECT DISTINCT {pivot} AS v FROM {DataContext.From(input)} WHERE {SqlText.Identifier(column)} IS NOT NULL ORDER BY 1 LIMIT {MaxColumns + 1}", context.CancellationToken);
        if (distinct.Count > MaxColumns) throw new DataStepException($"column: '{column}' has more than {MaxColumns} distinct values; pivot a column with fewer");
        var names = distinct.Select(r => r["v"]!.GetValue<string>()).ToList();
        var clash = names.FirstOrDefault(n => index.Contains(n, StringComparer.OrdinalIgnoreCase));
        if (clash is not null) throw new DataStepException($"column: the value '{clash}' would become a column that index already has");

        var aggregation = new Aggregation { Column = value, Function = function };
        var cells = names.Select(n => $"{Aggregates.Sql(aggregation, input, "function", $"{pivot} = {SqlText.String(n)}")} AS {SqlText.Identifier(n)}");
        var outputs = index.Select(SqlText.Identifier).Concat(cells).ToList();
        if (outputs.Count == 0) throw new DataStepException($"column: '{column}' has no values to pivot and there is no index column");
        var from = Aggregates.NeedsRowOrder(function) ? Aggregates.Numbered(input) : DataContext.From(input);
        var groupBy = index.Count == 0 ? "" : $" GROUP BY {SqlText.Identifiers(index)}";
        return DataResult.Done(await SqlErrors.Guard("function", () => context.TableAsync($"SELECT {string.Join(", ", outputs)} FROM {from} AS t{groupBy}")));
    }
}
