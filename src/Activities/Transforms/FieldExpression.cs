using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Transforms;

/// <summary>A column EditField replaces, and the SQL expression that computes its new value.</summary>
public sealed class FieldExpression
{
    [Input(Description = "Column to replace")]
    public string Name { get; set; } = "";

    [Input(Description = "SQL expression for its new value, e.g. upper(name)", DefaultSyntax = "Sql", UiHint = "code:sql")]
    public string Expression { get; set; } = "";
}
