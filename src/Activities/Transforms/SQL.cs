using System.Text.RegularExpressions;
using ElsaFlow.Activities.Data;
using ElsaFlow.Data.Sql;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Transforms;

/// <summary>
/// Runs a query over every dataset that reached it, each known by the id of the step that produced it (or the name
/// given in <c>tables</c>). Waits for all live inbound connections; the result is a table.
/// </summary>
[Activity(Type = "SQL", Category = "Transforms", Description = "Run a SQL query over the inbound datasets, named after their steps", Join = JoinMode.WaitAll)]
public sealed partial class SQL : DataActivity
{
    [Input(Description = "SELECT query; inbound datasets are tables named after their step ids", DefaultSyntax = "Sql", Required = true, UiHint = "code:sql")]
    public Input<string> Query { get; init; } = new("");

    [Input(Description = "Renames for inbound datasets: [{step, table}]")]
    public Input<List<SqlTable>> Tables { get; init; } = new([]);

    public override void Validate(ActivityValidationContext context) => context.CheckSqlQuery("query", context.Raw("query"));

    protected override async ValueTask<DataResult> ExecuteAsync(DataContext context)
    {
        var query = context.Get(Query);
        if (string.IsNullOrWhiteSpace(query)) throw new DataStepException("query: give a SELECT query over the inbound datasets");
        var inputs = context.Inputs();
        if (inputs.Count == 0) context.Input(); // throws the usual "needs a dataset" error
        var renames = context.Get(Tables);
        foreach (var rename in renames)
        {
            if (!inputs.Any(i => i.Source == rename.Step))
                throw new DataStepException($"tables: step '{rename.Step}' sent no dataset here; the inbound steps are {string.Join(", ", inputs.Select(i => i.Source))}");
            if (string.IsNullOrWhiteSpace(rename.Table)) throw new DataStepException($"tables: give a table name for step '{rename.Step}'");
        }
        var named = inputs.Select(i => (Name: renames.FirstOrDefault(r => r.Step == i.Source)?.Table ?? i.Source, i.Dataset)).ToList();
        if (named.GroupBy(n => n.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } clash)
            throw new DataStepException($"tables: two inbound datasets are both named '{clash.Key}'; give them different names with tables");

        var checkedQuery = UserSql.Query(query.Trim(), "query", named.Select(n => n.Name).ToList());
        var ctes = string.Join(", ", named.Select(n => $"{SqlText.Identifier(n.Name)} AS (SELECT * FROM {DataContext.From(n.Dataset)})"));
        var select = Compose(ctes, checkedQuery);
        return DataResult.Done(await SqlErrors.Guard("query", () => context.TableAsync(select)));
    }

    /// <summary>
    /// Puts the inbound datasets in front of the checked query (<see cref="UserSql.Query"/>: one SELECT, ending in a
    /// newline) as common table expressions, merging with its own WITH.
    /// </summary>
    internal static string Compose(string ctes, string query)
    {
        var with = LeadingWith().Match(query);
        return with.Success
            ? $"WITH {(with.Groups[1].Success ? "RECURSIVE " : "")}{ctes}, {query[with.Length..]}"
            : $"WITH {ctes} {query}";
    }

    [GeneratedRegex(@"^WITH\s+(RECURSIVE\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingWith();
}
