using System.Text.Json.Nodes;
using ElsaFlow.Engine.ActivityModel;
using ElsaFlow.Engine.Model;

namespace ElsaFlow.Engine.Activities;

/// <summary>Follows the port of the first (or every) case whose condition holds, or Default when none does.</summary>
[Activity(Category = "Control", Description = "Follow the port of the first (or every) matching case, or Default", Outcomes = [Ports.Default])]
public sealed class Switch : ControlActivity, IDynamicPorts
{
    [Input(Description = "Cases in order: a name (its port) and a condition", Required = true)]
    public Input<List<SwitchCase>> Cases { get; init; } = new();

    [Input(Description = "MatchFirst follows the first matching case; MatchAny follows all of them")]
    public Input<SwitchMode> Mode { get; init; } = new(SwitchMode.MatchFirst);

    public IEnumerable<string> GetOutcomes(ActivityNode node) => CaseNames(node.Inputs.GetValueOrDefault("cases")).Append(Ports.Default);

    public override void Execute(ControlContext context)
    {
        if (context.Raw(Cases) is JsonArray raw && raw.OfType<JsonObject>().Any(c => IsSql(c["condition"])))
        {
            // SQL conditions route the rows of the incoming dataset: every case gets its rows, Default the rest.
            var sqlCases = new JsonArray(raw.OfType<JsonObject>().Select((c, i) => (JsonNode?)new JsonObject
            {
                ["name"] = c["name"]?.DeepClone(),
                ["condition"] = context.Evaluate(c["condition"], $"cases[{i}].condition")?.DeepClone()
            }).ToArray());
            context.RunCode(DataReferences.SwitchRowsActivity, new JsonObject { ["cases"] = sqlCases, ["mode"] = context.Get(Mode).ToString() });
            return;
        }
        var matchAny = context.Get(Mode) == SwitchMode.MatchAny;
        var matched = new List<string>();
        if (context.Raw(Cases) is JsonArray cases)
            for (var i = 0; i < cases.Count; i++)
            {
                if (cases[i] is not JsonObject item) continue;
                if (!context.EvaluateCondition(item["condition"], $"cases[{i}].condition")) continue;
                matched.Add(item["name"]?.GetValue<string>() ?? "");
                if (!matchAny) break;
            }
        context.Fire(matched.Count == 0 ? [Ports.Default] : matched);
    }

    public override void Validate(ActivityValidationContext context)
    {
        var names = CaseNames(context.Raw("cases")).ToList();
        foreach (var name in names.Where(n => Ports.Reserved.Contains(n) || n == Ports.Default))
            context.Report("cases", $"case name '{name}' is reserved (In, Done, Error and Default cannot name a case)");
        foreach (var name in names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key))
            context.Report("cases", $"case name '{name}' is used twice");
        foreach (var name in names.Where(string.IsNullOrWhiteSpace))
            context.Report("cases", "every case needs a name");
        if (context.Raw("cases") is JsonArray cases)
            for (var i = 0; i < cases.Count; i++)
                if (cases[i] is JsonObject item && IsSql(item["condition"])) context.CheckSqlExpression($"cases[{i}].condition", item["condition"]);
    }

    private static bool IsSql(JsonNode? condition) =>
        Expressions.Expression.TryRead(condition, out var expression) && expression.Type == Expressions.ExpressionTypes.Sql;

    private static IEnumerable<string> CaseNames(JsonNode? cases) =>
        cases is JsonArray array
            ? array.OfType<JsonObject>().Select(c => c["name"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "")
            : [];
}
