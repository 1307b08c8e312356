using ElsaFlow.Activities.Data;
using ElsaFlow.Data.Sql;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Transforms;

/// <summary>Keeps the rows for which a SQL predicate holds. Row-wise, so the result is a view DuckDB fuses with the next step.</summary>
[Activity(Category = "Transforms", Description = "Keep the rows that match a SQL condition")]
public sealed class Filter : DataActivity
{
    [Input(Description = "SQL predicate over the input's columns, e.g. amount > 10 AND region = 'EU'", DefaultSyntax = "Sql", Required = true)]
    public Input<string> Condition { get; init; } = new("");

    public override void Validate(ActivityValidationContext context) => context.CheckSqlExpression("condition", context.Raw("condition"));

    protected override async ValueTask<DataResult> ExecuteAsync(DataContext context)
    {
        var input = context.Input();
        var condition = context.Get(Condition);
        if (string.IsNullOrWhiteSpace(condition)) throw new DataStepException("condition: give a SQL predicate, e.g. amount > 10");
        var predicate = UserSql.Expression(condition, "condition");
        return DataResult.Done(await SqlErrors.Guard("condition", () =>
            context.ViewAsync($"SELECT * FROM {DataContext.From(input)} WHERE {predicate}")));
    }
}
