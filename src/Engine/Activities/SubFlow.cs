using System.Text.Json.Nodes;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Engine.Activities;

/// <summary>Runs another workflow and, by default, waits for it; its outputs become this activity's output.</summary>
[Activity(Category = "Composition", Description = "Run another workflow (id or file path) and wait for its outputs")]
public sealed class SubFlow : ControlActivity
{
    [Input(Description = "A definition id, or a flow file path relative to this flow's file", Required = true)]
    public Input<string> Definition { get; init; } = new("");

    [Input(Description = "Inputs for the sub-flow")]
    public Input<JsonObject?> Inputs { get; init; } = new();

    [Input(Description = "Wait for the sub-flow to end (otherwise continue at once with its instance id)")]
    public Input<bool> Wait { get; init; } = new(true);

    public override void Execute(ControlContext context) =>
        context.StartWorkflow(context.Get(Definition), context.Get(Inputs) ?? new JsonObject(), context.Get(Wait));

    public override void OnResumed(ControlContext context, JsonNode? payload)
    {
        var status = payload?["status"]?.GetValue<string>();
        if (status == "Finished")
            context.Complete(token: payload!["outputs"]?.DeepClone() ?? new JsonObject());
        else
            context.Fault($"sub-flow instance {payload?["instanceId"]} ended {status}: {payload?["error"]}");
    }
}
