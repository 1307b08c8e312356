using System.Text.Json.Nodes;
using ElsaFlow.Engine.ActivityModel;
using ElsaFlow.Engine.Model;

namespace ElsaFlow.Engine.Activities;

/// <summary>Waits for the branches that reach it (only the live ones) and continues once.</summary>
[Activity(Category = "Control", Description = "Wait for every live branch (WaitAll) or the first one (WaitAny), then continue once")]
public sealed class Join : ControlActivity, IJoinActivity
{
    [Input(Description = "WaitAll waits for every live branch; WaitAny continues on the first")]
    public Input<JoinWaitMode> Mode { get; init; } = new(JoinWaitMode.WaitAll);

    public JoinMode GetJoinMode(ActivityNode node) =>
        node.Inputs.GetValueOrDefault("mode") is JsonValue v && v.TryGetValue<string>(out var s) && s.Equals("WaitAny", StringComparison.OrdinalIgnoreCase)
            ? JoinMode.WaitAny : JoinMode.WaitAll;

    public override void Execute(ControlContext context) => context.Complete();
}
