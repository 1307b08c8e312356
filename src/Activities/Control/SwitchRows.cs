using System.Text.Json.Nodes;
using ElsaFlow.Activities.Data;
using ElsaFlow.Data.Sql;
using ElsaFlow.Engine.ActivityModel;
using ElsaFlow.Engine.Model;

namespace ElsaFlow.Activities.Control;

/// <summary>Routes the rows of a dataset to Switch cases by SQL conditions (engine plumbing behind Switch).</summary>
[Activity(Type = DataReferences.SwitchRowsActivity, Category = "Internal", Description = "Route dataset rows to Switch cases by SQL conditions")]
public sealed class SwitchRows : DataActivity
{
    [Input(Description = "Cases: name and SQL condition")] public Input<JsonArray?> Cases { get; init; } = new();
    [Input(Description = "MatchFirst or MatchAny", Options = ["MatchFirst", "MatchAny"])] public Input<string> Mode { get; init; } = new("MatchFirst");

    protected override async ValueTask<DataResult> ExecuteAsync(DataContext context)
    {
        var input = context.Input();
        // Each condition is checked as one expression, parenthesized so it cannot reach into the others it is combined with.
        var cases = (context.Get(Cases) ?? []).OfType<JsonObject>()
            .Select((c, i) => (Name: c["name"]!.GetValue<string>(),
                Condition: UserSql.Expression(c["condition"]?.GetValue<string>() ?? "FALSE", $"cases[{i}].condition"))).ToList();
        var matchFirst = context.Get(Mode) != "MatchAny";
        var from = DataContext.From(input);
        var ports = new List<(string, ElsaFlow.Data.Dataset)>();
        var earlier = new List<string>();
        for (var i = 0; i < cases.Count; i++)
        {
            var (name, condition) = cases[i];
            // MatchFirst: a row belongs to the first case whose condition holds, so later cases exclude earlier matches.
            var where = matchFirst && earlier.Count > 0
                ? $"{condition} AND NOT ({string.Join(" OR ", earlier.Select(e => $"coalesce({e}, FALSE)"))})"
                : condition;
            ports.Add((name, await Table(context, $"SELECT * FROM {from} WHERE {where}", $"case{i}", $"cases[{i}].condition")));
            earlier.Add(condition);
        }
        var rest = earlier.Count == 0 ? "TRUE" : $"NOT ({string.Join(" OR ", earlier.Select(e => $"coalesce({e}, FALSE)"))})";
        ports.Add((Ports.Default, await Table(context, $"SELECT * FROM {from} WHERE {rest}", "default", "cases")));
        return DataResult.Of(ports.ToArray());
    }

    private static async Task<ElsaFlow.Data.Dataset> Table(DataContext context, string select, string suffix, string field)
    {
        try
        {
            return await context.TableAsync(select, suffix);
        }
        catch (DuckDB.NET.Data.DuckDBException e)
        {
            throw new DataStepException($"{field}: {e.Message}", e);
        }
    }
}
