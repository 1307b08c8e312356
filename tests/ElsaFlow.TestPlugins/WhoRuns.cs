using System.Text.Json.Nodes;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.TestPlugins;

/// <summary>Adds one to a number and says which process did it (in its log line and its token): cluster tests count who ran what.</summary>
[Activity(Type = "WhoRuns", Category = "Test", Description = "value + 1, with the id of the process that ran it")]
public sealed class WhoRuns : CodeActivity
{
    [Input(Description = "A number")] public Input<long> Value { get; init; } = new(0);

    public override ValueTask RunAsync(ActivityContext context)
    {
        context.Log($"ran on pid {Environment.ProcessId}");
        context.CompleteWith("Done", new JsonObject { ["value"] = context.Get(Value) + 1, ["pid"] = Environment.ProcessId });
        return ValueTask.CompletedTask;
    }
}
