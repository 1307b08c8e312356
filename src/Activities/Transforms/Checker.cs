using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ElsaFlow.Activities.Data;
using ElsaFlow.Data.Sql;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Transforms;

/// <summary>
/// Checks every row against rules per column. Rows that pass go to Valid; the others go to Invalid with an
/// <c>error</c> column listing the rules they broke ("amount: range 0..100; name: not null"). Above
/// <c>maxInvalid</c> (a count, or a percentage such as "5%") the step faults instead. Both results are tables.
/// </summary>
[Activity(Category = "Transforms", Description = "Check rows against column rules; valid rows on Valid, the rest on Invalid with an error column",
    Outcomes = [ValidPort, InvalidPort])]
public sealed class Checker : DataActivity
{
    public const string ValidPort = "Valid";
    public const string InvalidPort = "Invalid";
    public const string ErrorColumn = "error";

    [Input(Description = "Rules: [{column, rule, value}] with rule notNull, unique, range, regex, in, type or sql", Required = true)]
    public Input<List<CheckRule>> Rules { get; init; } = new([]);

    [Input(Description = "Most invalid rows allowed, as a count (5) or a percentage (\"5%\"); no limit when empty")]
    public Input<string?> MaxInvalid { get; init; } = new();

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// A sql rule's value is a plain input, whose <c>${name}</c> placeholders are filled as text, so a value could end a
    /// quoted string in the predicate; with placeholders it must be a Sql expression, which quotes their values.
    /// </summary>
    public override void Validate(ActivityValidationContext context)
    {
        if (context.Raw("rules") is not JsonArray rules) return;
        for (var i = 0; i < rules.Count; i++)
            if (rules[i] is JsonObject sqlRule && CheckRules.IsSql(sqlRule["rule"])) context.CheckSqlExpression($"rules[{i}].value", sqlRule["value"]);
        for (var i = 0; i < rules.Count; i++)
            if (rules[i] is JsonObject rule && CheckRules.IsSql(rule["rule"]) && rule["value"] is JsonValue value
                && value.TryGetValue<string>(out var predicate) && predicate.Replace("$${", "", StringComparison.Ordinal).Contains("${", StringComparison.Ordinal))
                context.Report($"rules[{i}].value", "a sql rule with placeholders must be a Sql expression, so their values are quoted: " +
                                                    $"\"value\": {{\"expression\": {{\"type\": \"Sql\", \"value\": {JsonSerializer.Serialize(predicate, Readable)}}}}}");
    }

    protected override async ValueTask<DataResult> ExecuteAsync(DataContext context)
    {
        var input = context.Input();
        var rules = context.Get(Rules);
        if (rules.Count == 0) throw new DataStepException("rules: give at least one rule, e.g. [{\"column\": \"id\", \"rule\": \"notNull\"}]");
        if (Columns.Has(input, ErrorColumn))
            throw new DataStepException($"rules: the input already has a column named '{ErrorColumn}', which Checker adds to invalid rows; rename it first");
        var limit = Limit(context.Get(MaxInvalid));
        var checks = rules.Select(r => CheckRules.Compile(r, input)).ToList();
        var error = $"nullif(concat_ws('; ', {string.Join(", ", checks.Select(c => $"CASE WHEN {c.Broken} THEN {SqlText.String(c.Label)} END"))}), '')";

        var checkedRows = await SqlErrors.Guard("rules", () =>
            context.TableAsync($"SELECT *, {error} AS {SqlText.Identifier(ErrorColumn)} FROM {DataContext.From(input)}", "checked"));
        try
        {
            var from = DataContext.From(checkedRows);
            var e = SqlText.Identifier(ErrorColumn);
            var valid = await context.TableAsync($"SELECT * EXCLUDE ({e}) FROM {from} WHERE {e} IS NULL", "valid");
            var invalid = await context.TableAsync($"SELECT * FROM {from} WHERE {e} IS NOT NULL", "invalid");
            var total = (valid.RowCount ?? 0) + (invalid.RowCount ?? 0);
            var bad = invalid.RowCount ?? 0;
            if (limit is { } max && (max.Percent ? bad * 100.0 > max.Value * total : bad > max.Value))
                throw new DataStepException($"maxInvalid: {bad} of {total} rows are invalid ({Percent(bad, total)}), above the limit of {max.Text}");
            context.Log($"{bad} of {total} rows are invalid");
            return DataResult.Of((ValidPort, valid), (InvalidPort, invalid));
        }
        finally
        {
            await context.Workspace.ExecuteAsync($"DROP TABLE IF EXISTS {DataContext.From(checkedRows)}", context.CancellationToken);
        }
    }

    private static (double Value, bool Percent, string Text)? Limit(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var trimmed = text.Trim();
        var percent = trimmed.EndsWith('%');
        var number = percent ? trimmed[..^1].Trim() : trimmed;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || percent && value > 100)
            throw new DataStepException($"maxInvalid: '{text}' is not a row count (5) or a percentage between 0% and 100% (\"5%\")");
        return (value, percent, trimmed);
    }

    private static string Percent(long bad, long total) =>
        (total == 0 ? 0 : bad * 100.0 / total).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
