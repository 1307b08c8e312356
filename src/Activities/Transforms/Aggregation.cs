using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Transforms;

/// <summary>One aggregate of a Group: a function over a column, written to a named column.</summary>
public sealed class Aggregation
{
    [Input(Description = "Column to aggregate (count may leave it empty to count rows)")]
    public string Column { get; set; } = "";

    [Input(Description = "sum, avg, min, max, count, count_distinct, first, last or string_agg",
        Options = ["sum", "avg", "min", "max", "count", "count_distinct", "first", "last", "string_agg"])]
    public string Function { get; set; } = "";

    [Input(Description = "Name of the result column; function_column when empty")]
    public string? As { get; set; }

    [Input(Description = "Separator for string_agg")]
    public string Separator { get; set; } = ",";
}
