using System.Text.Json.Nodes;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Engine.Activities;

/// <summary>Ends the whole instance now, with outputs; anything still running is stopped.</summary>
[Activity(Category = "Control", Description = "End the instance now with outputs", Outcomes = [])]
public sealed class Finish : ControlActivity
{
    [Input(Description = "The workflow's outputs: name to value or expression")]
    public Input<JsonObject?> Outputs { get; init; } = new();

    public override void Execute(ControlContext context) => context.Finish(context.Get(Outputs) ?? new JsonObject());
}
