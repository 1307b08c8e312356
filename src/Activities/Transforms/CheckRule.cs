using System.Text.Json.Nodes;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Transforms;

/// <summary>One rule of a Checker: what every value of a column must satisfy.</summary>
public sealed class CheckRule
{
    [Input(Description = "Column the rule is about (a sql rule may leave it empty)")]
    public string Column { get; set; } = "";

    [Input(Description = "notNull, unique, range, regex, in, type or sql")]
    public string Rule { get; set; } = "";

    [Input(Description = "range: \"0..100\" or [min, max]; regex: a pattern; in: a list; type: a DuckDB type; sql: a predicate")]
    public JsonNode? Value { get; set; }
}
