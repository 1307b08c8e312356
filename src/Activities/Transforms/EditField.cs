using System.Text.Json.Nodes;
using ElsaFlow.Activities.Data;
using ElsaFlow.Data.Sql;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Transforms;

/// <summary>Replaces columns by SQL expressions over the input's columns, in place. Row-wise: the result is a view.</summary>
[Activity(Category = "Transforms", Description = "Replace columns by SQL expressions")]
public sealed class EditField : DataActivity
{
    [Input(Description = "Columns to replace: [{name, expression}]", Required = true, Example = """[{"name": "name", "expression": "upper(name)"}]""")]
    public Input<List<FieldExpression>> Fields { get; init; } = new([]);

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
        if (fields.Count == 0) throw new DataStepException("fields: give at least one column to replace, e.g. [{\"name\": \"name\", \"expression\": \"upper(name)\"}]");
        var replaced = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (field, i) in fields.Select((f, i) => (f, i)))
        {
            var name = Columns.Require(input, field.Name, "fields");
            if (string.IsNullOrWhiteSpace(field.Expression)) throw new DataStepException($"fields: give an expression for '{name}'");
            if (!replaced.TryAdd(name, $"{UserSql.Expression(field.Expression, $"fields[{i}].expression")} AS {SqlText.Identifier(name)}"))
                throw new DataStepException($"fields: column '{name}' is listed twice");
        }
        return DataResult.Done(await SqlErrors.Guard("fields", () =>
            context.ViewAsync($"SELECT * REPLACE ({string.Join(", ", replaced.Values)}) FROM {DataContext.From(input)}")));
    }
}
