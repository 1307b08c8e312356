using System.Text.Json.Nodes;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Engine.Activities;

/// <summary>Sets a workflow variable to a value.</summary>
[Activity(Category = "Primitives", Description = "Set a workflow variable to a value")]
public sealed class SetVariable : ControlActivity
{
    [Input(Description = "Name of a variable declared by the flow", Required = true)]
    public Input<string> Variable { get; init; } = new("");

    [Input(Description = "The new value (a literal or an expression)")]
    public Input<JsonNode?> Value { get; init; } = new();

    public override void Execute(ControlContext context)
    {
        context.SetVariable(context.Get(Variable), context.Get(Value));
        context.Complete();
    }

    public override void Validate(ActivityValidationContext context)
    {
        if (context.Raw("variable") is JsonValue v && v.TryGetValue<string>(out var name) &&
            !context.Definition.Variables.Exists(d => d.Name == name))
            context.Report("variable", $"variable '{name}' is not declared in the flow's variables");
    }
}
