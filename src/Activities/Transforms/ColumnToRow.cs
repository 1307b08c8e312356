using ElsaFlow.Activities.Data;
using ElsaFlow.Data.Sql;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Transforms;

/// <summary>
/// Unpivots: each listed column becomes a row holding its name and value (NULL values included), the other
/// columns repeated. Values of different types become text. The result is a table.
/// </summary>
[Activity(Category = "Transforms", Description = "Unpivot: turn columns into name/value rows")]
public sealed class ColumnToRow : DataActivity
{
    [Input(Description = "Columns to turn into rows", Required = true)]
    public Input<List<string>> Columns { get; init; } = new([]);

    [Input(Description = "Name of the column that holds the former column names")]
    public Input<string> NameColumn { get; init; } = new("name");

    [Input(Description = "Name of the column that holds the values")]
    public Input<string> ValueColumn { get; init; } = new("value");

    protected override async ValueTask<DataResult> ExecuteAsync(DataContext context)
    {
        var input = context.Input();
        var columns = Transforms.Columns.Require(input, context.Get(Columns), "columns").Distinct().ToList();
        if (columns.Count == 0) throw new DataStepException($"columns: give the columns to turn into rows; the input has {Transforms.Columns.Available(input)}");
        var kept = input.Columns.Where(c => !columns.Contains(c.Name)).ToList();
        var nameColumn = context.Get(NameColumn);
        var valueColumn = context.Get(ValueColumn);
        foreach (var (field, name) in new[] { ("nameColumn", nameColumn), ("valueColumn", valueColumn) })
            if (string.IsNullOrWhiteSpace(name) || kept.Any(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
                throw new DataStepException($"{field}: '{name}' is empty or already a column of the input");
        if (nameColumn.Equals(valueColumn, StringComparison.OrdinalIgnoreCase)) throw new DataStepException("valueColumn: must differ from nameColumn");

        var sameType = columns.Select(c => input.Column(c)!.Type).Distinct().Count() == 1;
        var values = columns.Select(c => sameType ? SqlText.Identifier(c) : $"CAST({SqlText.Identifier(c)} AS VARCHAR)");
        var outputs = kept.Select(c => SqlText.Identifier(c.Name))
            .Append($"unnest([{string.Join(", ", columns.Select(SqlText.String))}]) AS {SqlText.Identifier(nameColumn)}")
            .Append($"unnest([{string.Join(", ", values)}]) AS {SqlText.Identifier(valueColumn)}");
        return DataResult.Done(await context.TableAsync($"SELECT {string.Join(", ", outputs)} FROM {DataContext.From(input)}"));
    }
}
