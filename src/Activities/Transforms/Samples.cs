using System.Globalization;
using ElsaFlow.Activities.Data;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Transforms;

/// <summary>
/// Takes n rows, or a fraction of the rows, at random. With a seed the choice is a hash of each row and the seed,
/// so the same data and seed give the same rows on every run, whatever the thread count (DuckDB's own seeded
/// sample does not). Identical rows hash alike, so they are kept or dropped together. The result is a table.
/// </summary>
[Activity(Category = "Transforms", Description = "Take n rows or a fraction of the rows at random; a seed makes it repeatable")]
public sealed class Samples : DataActivity
{
    private const string Row = "__elsaflow_sample";

    [Input(Description = "Number of rows to take")]
    public Input<long?> N { get; init; } = new();

    [Input(Description = "Fraction of the rows to take, between 0 and 1 (rounded to whole rows)")]
    public Input<double?> Fraction { get; init; } = new();

    [Input(Description = "Seed for a repeatable sample; without it every run differs")]
    public Input<long?> Seed { get; init; } = new();

    protected override async ValueTask<DataResult> ExecuteAsync(DataContext context)
    {
        var input = context.Input();
        var n = context.Get(N);
        var fraction = context.Get(Fraction);
        if (n is null == fraction is null) throw new DataStepException("n: give either n (a row count) or fraction (between 0 and 1), not both");
        if (n < 0) throw new DataStepException($"n: must be 0 or more, not {n}");
        if (fraction is < 0 or > 1 || fraction is double f && double.IsNaN(f))
            throw new DataStepException($"fraction: must be between 0 and 1, not {fraction?.ToString(CultureInfo.InvariantCulture)}");

        var order = context.Get(Seed) is { } seed ? $"hash({Row}, {seed.ToString(CultureInfo.InvariantCulture)})" : "random()";
        var limit = n is not null ? n.Value.ToString(CultureInfo.InvariantCulture) : $"round(count(*) OVER () * {fraction!.Value.ToString("R", CultureInfo.InvariantCulture)})";
        var select = $"SELECT * EXCLUDE ({Row}) FROM (SELECT *, t AS {Row} FROM {DataContext.From(input)} AS t) " +
                     $"QUALIFY row_number() OVER (ORDER BY {order}) <= {limit}";
        return DataResult.Done(await context.TableAsync(select));
    }
}
