using ElsaFlow.Activities.Data;
using ElsaFlow.Data.Sql;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Transforms;

/// <summary>Hides parts of sensitive columns (masked columns become text; NULL stays NULL). Row-wise: the result is a view.</summary>
[Activity(Category = "Transforms", Description = "Mask sensitive columns: by position, hash, email or phone")]
public sealed class Masking : DataActivity
{
    [Input(Description = "Columns to mask: [{column, mode, startIndex, length, sign}]", Required = true)]
    public Input<List<MaskRule>> Columns { get; init; } = new([]);

    protected override async ValueTask<DataResult> ExecuteAsync(DataContext context)
    {
        var input = context.Input();
        var rules = context.Get(Columns);
        if (rules.Count == 0) throw new DataStepException("columns: give at least one column to mask, e.g. [{\"column\": \"phone\", \"mode\": \"phone\"}]");
        var replaced = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in rules)
        {
            var column = Transforms.Columns.Require(input, rule.Column, "columns");
            if (rule.StartIndex < 0 || rule.Length < 0) throw new DataStepException($"columns: startIndex and length of '{column}' must be 0 or more");
            if (string.IsNullOrEmpty(rule.Sign)) throw new DataStepException($"columns: the sign of '{column}' is empty; give a character such as *");
            var value = replaced.TryGetValue(column, out var earlier) ? earlier : $"CAST({SqlText.Identifier(column)} AS VARCHAR)";
            replaced[column] = Expression(rule, $"({value})");
        }
        var replace = string.Join(", ", replaced.Select(r => $"{r.Value} AS {SqlText.Identifier(r.Key)}"));
        return DataResult.Done(await SqlErrors.Guard("columns", () => context.ViewAsync($"SELECT * REPLACE ({replace}) FROM {DataContext.From(input)}")));
    }

    private static string Expression(MaskRule rule, string v)
    {
        var sign = SqlText.String(rule.Sign);
        return rule.Mode switch
        {
            MaskMode.Hash => $"sha256({v})",
            MaskMode.Email => $"CASE WHEN strpos({v}, '@') > 1 THEN left({v}, 1) || repeat({sign}, strpos({v}, '@') - 2) || substr({v}, strpos({v}, '@')) " +
                              $"ELSE repeat({sign}, length({v})) END",
            MaskMode.Phone => $"CASE WHEN length({v}) > 7 THEN left({v}, 3) || repeat({sign}, length({v}) - 7) || right({v}, 4) " +
                              $"ELSE repeat({sign}, length({v})) END",
            _ => Positional(v, rule.StartIndex, rule.Length, sign)
        };
    }

    private static string Positional(string v, int start, int? length, string sign)
    {
        var hidden = length is { } n ? $"least({n}, greatest(length({v}) - {start}, 0))" : $"greatest(length({v}) - {start}, 0)";
        var rest = length is { } m ? $"substr({v}, {(long)start + m + 1})" : "''";
        return $"substr({v}, 1, {start}) || repeat({sign}, {hidden}) || {rest}";
    }
}
