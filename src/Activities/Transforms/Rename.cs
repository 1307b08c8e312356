using ElsaFlow.Activities.Data;
using ElsaFlow.Data.Sql;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Transforms;

/// <summary>
/// Shapes the columns: keeps only <c>select</c> (in that order), removes <c>drop</c>, moves <c>order</c> to the front,
/// then renames by <c>columns</c> (keys are the input's names). Row-wise: the result is a view.
/// </summary>
[Activity(Category = "Transforms", Description = "Rename, select, drop and reorder columns")]
public sealed class Rename : DataActivity
{
    [Input(Description = "Renames {old: new}")]
    public Input<Dictionary<string, string>> Columns { get; init; } = new([]);

    [Input(Description = "Keep only these columns, in this order")]
    public Input<List<string>> Select { get; init; } = new([]);

    [Input(Description = "Remove these columns")]
    public Input<List<string>> Drop { get; init; } = new([]);

    [Input(Description = "Put these columns first, in this order; the others follow")]
    public Input<List<string>> Order { get; init; } = new([]);

    [Input(Description = "Skip renames and drops of columns the input does not have, instead of failing (NiceFlow's behaviour; set by its importer)")]
    public Input<bool> IgnoreMissing { get; init; } = new(false);

    protected override async ValueTask<DataResult> ExecuteAsync(DataContext context)
    {
        var input = context.Input();
        var renames = context.Get(Columns);
        if (context.Get(IgnoreMissing))
        {
            // Missing names are dropped from the request; what is left is checked as usual.
            bool Has(string name) => input.Columns.Any(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
            renames = renames.Where(r => Has(r.Key)).ToDictionary();
            if (renames.Count == 0 && context.Get(Select).Count == 0 && context.Get(Drop).All(d => !Has(d)) && context.Get(Order).Count == 0)
                return DataResult.Done(input);
        }
        var drop = context.Get(IgnoreMissing)
            ? Transforms.Columns.Require(input, context.Get(Drop).Where(d => input.Columns.Any(c => string.Equals(c.Name, d, StringComparison.OrdinalIgnoreCase))), "drop")
            : Transforms.Columns.Require(input, context.Get(Drop), "drop");
        var select = Transforms.Columns.Require(input, context.Get(Select), "select");
        var order = Transforms.Columns.Require(input, context.Get(Order), "order");
        var rename = renames.ToDictionary(r => Transforms.Columns.Require(input, r.Key, "columns"), r => r.Value, StringComparer.OrdinalIgnoreCase);
        if (renames.Count == 0 && select.Count == 0 && drop.Count == 0 && order.Count == 0)
            throw new DataStepException("columns: give renames, or columns to select, drop or order");

        var kept = (select.Count > 0 ? select : input.Columns.Select(c => c.Name)).Where(c => !drop.Contains(c)).Distinct().ToList();
        var missing = order.Where(o => !kept.Contains(o)).ToList();
        if (missing.Count > 0) throw new DataStepException($"order: column '{missing[0]}' is not kept (it is dropped or not selected)");
        kept = order.Concat(kept.Where(c => !order.Contains(c))).Distinct().ToList();
        if (kept.Count == 0) throw new DataStepException("drop: no column would be left");

        var outputs = kept.Select(c => (Source: c, Name: rename.TryGetValue(c, out var to) && !string.IsNullOrWhiteSpace(to) ? to : c)).ToList();
        if (outputs.GroupBy(o => o.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } clash)
            throw new DataStepException($"columns: two columns would be named '{clash.Key}'");
        var list = string.Join(", ", outputs.Select(o => o.Source == o.Name ? SqlText.Identifier(o.Source) : $"{SqlText.Identifier(o.Source)} AS {SqlText.Identifier(o.Name)}"));
        return DataResult.Done(await context.ViewAsync($"SELECT {list} FROM {DataContext.From(input)}"));
    }
}
