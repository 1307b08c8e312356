using ElsaFlow.Activities.Data;
using ElsaFlow.Data.Sql;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Transforms;

/// <summary>Orders rows by one or more columns; the only step after which row order is promised.</summary>
[Activity(Category = "Transforms", Description = "Order rows by columns, ascending or descending")]
public sealed class Sort : DataActivity
{
    [Input(Description = "Columns to sort by, in order: [{column, descending}]", Required = true, Example = """[{"column": "amount", "descending": true}]""")]
    public Input<List<SortKey>> By { get; init; } = new([]);

    protected override async ValueTask<DataResult> ExecuteAsync(DataContext context)
    {
        var input = context.Input();
        var keys = context.Get(By);
        if (keys.Count == 0) throw new DataStepException("by: give at least one column to sort by");
        foreach (var key in keys)
            if (input.Column(key.Column) is null)
                throw new DataStepException($"by: column '{key.Column}' does not exist; the input has {string.Join(", ", input.Columns.Select(c => c.Name))}");
        var order = string.Join(", ", keys.Select(k => SqlText.Identifier(k.Column) + (k.Descending ? " DESC" : " ASC")));
        // Always a table (ResultKeeping): the order is the result, and a table keeps it for every reader without sorting again.
        return DataResult.Done(await context.TableAsync($"SELECT * FROM {DataContext.From(input)} ORDER BY {order}"));
    }
}
