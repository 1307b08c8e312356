using System.Text.Json.Nodes;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Engine.Activities;

/// <summary>Starts another workflow and continues at once (fire and forget); the output is <c>{instanceId}</c> of the new instance.</summary>
[Activity(Category = "Composition", Description = "Start another workflow and continue at once")]
public sealed class DispatchFlow : ControlActivity
{
    [Input(Description = "A definition id, or a flow file path relative to this flow's file", Required = true)]
    public Input<string> Definition { get; init; } = new("");

    [Input(Description = "Inputs for the started workflow")]
    public Input<JsonObject?> Inputs { get; init; } = new();

    public override void Execute(ControlContext context) =>
        context.StartWorkflow(context.Get(Definition), context.Get(Inputs) ?? new JsonObject(), wait: false);
}
