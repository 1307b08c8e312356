using System.Text.Json.Nodes;
using ElsaFlow.Activities.Data;
using ElsaFlow.Data.Sql;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Transforms;

/// <summary>
/// Adds columns computed by SQL expressions, constants, or a sequence number (in the input's row order). Expressions
/// see the input's columns, not the other new ones. Row-wise: the result is a view.
/// </summary>
[Activity(Category = "Transforms", Description = "Add columns from SQL expressions, constants or a sequence")]
public sealed class AddField : DataActivity
{
    [Input(Description = "New columns: [{name, expression}] or [{name, value}] or [{name, sequence: true, start, step}]", Required = true,
        Example = """[{"name": "net", "expression": "round(amount / 1.2, 2)"}]""")]
    public Input<List<NewField>> Fields { get; init; } = new([]);

    public override void Validate(ActivityValidationContext context)
    {
        if (context.Raw("fields") is not JsonArray fields) return;
        for (var i = 0; i < fields.Count; i++)
            if (fields[i] is JsonObject field) context.CheckSqlExpression($"fields[{i}].expression", field["expression"]);
    }

    protected override async ValueTask<DataResult> ExecuteAsync(DataContext context)
    {
        var input = context.Input();
        var fields = context.Get(Fields);
        if (fields.Count == 0) throw new DataStepException("fields: give at least one column to add, e.g. [{\"name\": \"total\", \"expression\": \"price * quantity\"}]");
        var names = new HashSet<string>(input.Columns.Select(c => c.Name), StringComparer.OrdinalIgnoreCase);
        var added = new List<string>();
        foreach (var (field, i) in fields.Select((f, i) => (f, i)))
        {
            if (string.IsNullOrWhiteSpace(field.Name)) throw new DataStepException("fields: every new column needs a name");
            if (!names.Add(field.Name))
                throw new DataStepException($"fields: column '{field.Name}' already exists; use EditField to replace it (the input has {Columns.Available(input)})");
            added.Add($"{Value(field, $"fields[{i}].expression")} AS {SqlText.Identifier(field.Name)}");
        }
        return DataResult.Done(await SqlErrors.Guard("fields", () =>
            context.ViewAsync($"SELECT *, {string.Join(", ", added)} FROM {DataContext.From(input)}")));
    }

    private static string Value(NewField field, string where)
    {
        var kinds = (string.IsNullOrWhiteSpace(field.Expression) ? 0 : 1) + (field.Value is null ? 0 : 1) + (field.Sequence ? 1 : 0);
        if (kinds != 1) throw new DataStepException($"fields: give '{field.Name}' exactly one of expression, value or sequence");
        if (field.Sequence) return $"(row_number() OVER () - 1) * {field.Step} + {field.Start}";
        if (field.Value is JsonNode value) return SqlText.Literal(value);
        return UserSql.Expression(field.Expression!, where);
    }
}
