using System.Text.Json.Nodes;
using ElsaFlow.Activities.Data;
using ElsaFlow.Data.Sql;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Transforms;

/// <summary>
/// Maps the values of a column through a dictionary, or through a second dataset on the Lookup port (its key
/// and value columns; the first value in row order wins when a key repeats). Values are compared as text. Unmatched values are
/// kept, or replaced by <c>default</c> when it is set. Row-wise: the result is a view.
/// </summary>
[Activity(Category = "Transforms", Description = "Map a column's values through a dictionary or a lookup dataset", InputPorts = ["In", LookupPort])]
public sealed class Mapping : DataActivity
{
    public const string LookupPort = "Lookup";
    private const string Key = "__elsaflow_key";
    private const string Value = "__elsaflow_value";

    [Input(Description = "Column whose values are mapped", Required = true)]
    public Input<string> Column { get; init; } = new("");

    [Input(Description = "Value mapping {from: to}; leave empty to use the dataset on the Lookup port")]
    public Input<Dictionary<string, JsonNode?>> Values { get; init; } = new([]);

    [Input(Description = "Key column of the Lookup dataset")]
    public Input<string> LookupKey { get; init; } = new("key");

    [Input(Description = "Value column of the Lookup dataset")]
    public Input<string> LookupValue { get; init; } = new("value");

    [Input(Description = "Write the mapped value to this new column instead of replacing the column")]
    public Input<string> Target { get; init; } = new("");

    [Input(Description = "Value for unmatched rows; they keep their own value when empty")]
    public Input<JsonNode?> Default { get; init; } = new();

    protected override async ValueTask<DataResult> ExecuteAsync(DataContext context)
    {
        var input = context.Input();
        var column = Columns.Require(input, context.Get(Column), "column");
        var values = context.Get(Values);
        var hasLookup = context.Activity.IncomingTokens.Any(t => t.TargetPort == LookupPort);
        if (values.Count > 0 == hasLookup)
            throw new DataStepException("values: give a value mapping, or connect a dataset to the Lookup port, but not both");
        var target = context.Get(Target);
        if (!string.IsNullOrEmpty(target) && Columns.Has(input, target))
            throw new DataStepException($"target: column '{target}' already exists; the input has {Columns.Available(input)}");
        var source = $"CAST(i.{SqlText.Identifier(column)} AS VARCHAR)";
        var fallback = context.Has(Default) ? $"CAST({SqlText.Literal(context.Get(Default))} AS VARCHAR)" : source;

        string mapped, from;
        if (hasLookup)
        {
            var lookup = context.Input(LookupPort);
            var key = Columns.Require(lookup, context.Get(LookupKey), "lookupKey");
            var value = Columns.Require(lookup, context.Get(LookupValue), "lookupValue");
            var table = $"(SELECT CAST({SqlText.Identifier(key)} AS VARCHAR) AS {Key}, CAST(first({SqlText.Identifier(value)} ORDER BY {SqlText.Identifier(Aggregates.RowNumber)}) AS VARCHAR) AS {Value} " +
                        $"FROM {Aggregates.Numbered(lookup)} GROUP BY 1)";
            mapped = $"CASE WHEN m.{Key} IS NULL THEN {fallback} ELSE m.{Value} END";
            from = $"{DataContext.From(input)} AS i LEFT JOIN {table} AS m ON {source} = m.{Key}";
        }
        else
        {
            var cases = string.Join(" ", values.Select(p => $"WHEN {SqlText.String(p.Key)} THEN CAST({SqlText.Literal(p.Value)} AS VARCHAR)"));
            mapped = $"CASE {source} {cases} ELSE {fallback} END";
            from = $"{DataContext.From(input)} AS i";
        }
        var select = string.IsNullOrEmpty(target)
            ? $"SELECT i.* REPLACE ({mapped} AS {SqlText.Identifier(column)}) FROM {from}"
            : $"SELECT i.*, {mapped} AS {SqlText.Identifier(target)} FROM {from}";
        return DataResult.Done(await SqlErrors.Guard("values", () => context.ViewAsync(select)));
    }

}
