using ElsaFlow.Activities.Data;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Transforms;

/// <summary>
/// Stacks every dataset that reached it, matching columns by name (a column missing on one side is NULL there).
/// Waits for all live inbound connections; the result is a table.
/// </summary>
[Activity(Category = "Transforms", Description = "Stack the inbound datasets by column name (all rows, or distinct rows)", Join = JoinMode.WaitAll)]
public sealed class Union : DataActivity
{
    [Input(Description = "Drop duplicate rows (UNION) instead of keeping all rows (UNION ALL)")]
    public Input<bool> Distinct { get; init; } = new(false);

    protected override async ValueTask<DataResult> ExecuteAsync(DataContext context)
    {
        var inputs = context.Inputs();
        if (inputs.Count == 0) context.Input(); // throws the usual "needs a dataset" error
        var glue = context.Get(Distinct) ? " UNION BY NAME " : " UNION ALL BY NAME ";
        var select = string.Join(glue, inputs.Select(i => $"SELECT * FROM {DataContext.From(i.Dataset)}"));
        if (inputs.Count == 1 && context.Get(Distinct)) select = $"SELECT DISTINCT * FROM {DataContext.From(inputs[0].Dataset)}";
        return DataResult.Done(await SqlErrors.Guard("In", () => context.TableAsync(select)));
    }
}
