using ElsaFlow.Activities.Data;
using ElsaFlow.Data;
using ElsaFlow.Data.Sql;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Transforms;

/// <summary>
/// Text operations on columns, applied in order (a later operation on the same column sees the earlier result).
/// Results are text; NULL stays NULL (concat skips NULL parts). Row-wise: the result is a view.
/// </summary>
[Activity(Category = "Transforms", Description = "Text operations: trim, upper, lower, replace, extract, substring, pad, concat")]
public sealed class Str : DataActivity
{
    private static readonly string[] Names = ["trim", "upper", "lower", "replace", "extract", "substring", "pad", "concat"];

    [Input(Description = "Operations in order: [{column, operation, ...options}]", Required = true)]
    public Input<List<StrOperation>> Operations { get; init; } = new([]);

    protected override async ValueTask<DataResult> ExecuteAsync(DataContext context)
    {
        var input = context.Input();
        var operations = context.Get(Operations);
        if (operations.Count == 0) throw new DataStepException("operations: give at least one, e.g. [{\"column\": \"name\", \"operation\": \"trim\"}]");
        var current = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var added = new List<string>();
        string Text(string column) => current.TryGetValue(column, out var expression) ? expression : $"CAST({SqlText.Identifier(column)} AS VARCHAR)";
        foreach (var operation in operations)
        {
            var column = Columns.Require(input, operation.Column, "operations");
            var result = Apply(operation, Text(column), input, Text);
            var target = string.IsNullOrWhiteSpace(operation.Target) ? column : input.Column(operation.Target)?.Name ?? operation.Target;
            if (!current.ContainsKey(target) && !Columns.Has(input, target)) added.Add(target);
            current[target] = result;
        }
        var replaced = current.Where(c => Columns.Has(input, c.Key)).Select(c => $"{c.Value} AS {SqlText.Identifier(c.Key)}").ToList();
        var select = (replaced.Count > 0 ? $"SELECT * REPLACE ({string.Join(", ", replaced)})" : "SELECT *") +
                     string.Concat(added.Select(a => $", {current[a]} AS {SqlText.Identifier(a)}")) + $" FROM {DataContext.From(input)}";
        return DataResult.Done(await SqlErrors.Guard("operations", () => context.ViewAsync(select)));
    }

    private static string Apply(StrOperation op, string v, Dataset input, Func<string, string> text)
    {
        var name = (op.Operation ?? "").Trim().ToLowerInvariant();
        return name switch
        {
            "trim" => $"trim({v})",
            "upper" => $"upper({v})",
            "lower" => $"lower({v})",
            "replace" when string.IsNullOrEmpty(op.Find) => throw new DataStepException($"operations: replace on '{op.Column}' needs find"),
            "replace" => op.Regex
                ? $"regexp_replace({v}, {SqlText.String(op.Find!)}, {SqlText.String(op.Replacement)}, 'g')"
                : $"replace({v}, {SqlText.String(op.Find!)}, {SqlText.String(op.Replacement)})",
            "extract" when string.IsNullOrEmpty(op.Pattern) => throw new DataStepException($"operations: extract on '{op.Column}' needs a pattern"),
            "extract" => $"regexp_extract({v}, {SqlText.String(op.Pattern!)}, {Math.Max(op.Group, 0)})",
            "substring" when op.StartIndex < 0 || op.Length < 0 => throw new DataStepException($"operations: substring on '{op.Column}' needs startIndex and length of 0 or more"),
            "substring" => op.Length is { } n ? $"substr({v}, {op.StartIndex + 1}, {n})" : $"substr({v}, {op.StartIndex + 1})",
            "pad" when op.Length is not > 0 || string.IsNullOrEmpty(op.Fill) => throw new DataStepException($"operations: pad on '{op.Column}' needs a length and a fill character"),
            "pad" => op.Side.Trim().ToLowerInvariant() switch
            {
                "left" => $"lpad({v}, {op.Length}, {SqlText.String(op.Fill)})",
                "right" => $"rpad({v}, {op.Length}, {SqlText.String(op.Fill)})",
                _ => throw new DataStepException($"operations: pad side '{op.Side}' is not left or right")
            },
            "concat" => $"concat_ws({SqlText.String(op.Separator)}, {string.Join(", ", new[] { v }.Concat(Columns.Require(input, op.Columns, "operations").Select(text)))})",
            _ => throw new DataStepException($"operations: '{op.Operation}' is not one of {string.Join(", ", Names)}")
        };
    }
}
