using ElsaFlow.Activities.Data;
using ElsaFlow.Data.Sql;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Transforms;

/// <summary>
/// Groups rows by key columns and aggregates the rest; without keys, one row of totals. first/last/string_agg follow
/// the input's row order. A blocking step, kept as a view when read once, else a table (<see cref="ResultKeeping"/>); group order is not defined (Sort it if it matters).
/// </summary>
[Activity(Category = "Transforms", Description = "Group rows by key columns with sum, avg, min, max, count, count_distinct, first, last, string_agg")]
public sealed class Group : DataActivity
{
    [Input(Description = "Key columns to group by")]
    public Input<List<string>> By { get; init; } = new([]);

    [Input(Description = "Aggregates: [{column, function, as}]", Required = true,
        Example = """[{"column": "amount", "function": "sum", "as": "total"}, {"function": "count", "as": "orders"}]""")]
    public Input<List<Aggregation>> Aggregations { get; init; } = new([]);

    protected override async ValueTask<DataResult> ExecuteAsync(DataContext context)
    {
        var input = context.Input();
        var by = Columns.Require(input, context.Get(By), "by");
        var aggregations = context.Get(Aggregations);
        if (aggregations.Count == 0 && by.Count == 0) throw new DataStepException("aggregations: give at least one aggregate or a column to group by");
        var outputs = by.Select(SqlText.Identifier).ToList();
        var names = new HashSet<string>(by, StringComparer.OrdinalIgnoreCase);
        foreach (var aggregation in aggregations)
        {
            var sql = Aggregates.Sql(aggregation, input, "aggregations");
            var name = string.IsNullOrWhiteSpace(aggregation.As) ? Aggregates.DefaultName(aggregation) : aggregation.As;
            if (!names.Add(name)) throw new DataStepException($"aggregations: two result columns are named '{name}'; set 'as' to tell them apart");
            outputs.Add($"{sql} AS {SqlText.Identifier(name)}");
        }
        var ordered = aggregations.Any(a => Aggregates.NeedsRowOrder(Aggregates.Normalize(a.Function, "aggregations")));
        var from = ordered ? Aggregates.Numbered(input) : DataContext.From(input);
        var groupBy = by.Count == 0 ? "" : $" GROUP BY {SqlText.Identifiers(by)}";
        return DataResult.Done(await SqlErrors.Guard("aggregations", () =>
            ResultKeeping.BlockingAsync(context, $"SELECT {string.Join(", ", outputs)} FROM {from} AS t{groupBy}")));
    }
}
