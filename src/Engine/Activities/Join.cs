using System.Text.Json.Nodes;
using ElsaFlow.Engine.ActivityModel;
using ElsaFlow.Engine.Model;

namespace ElsaFlow.Engine.Activities;

/// <summary>
/// Joins branches or datasets. Branches wired to In: waits for every live one (WaitAll) or the first (WaitAny),
/// then continues once. Datasets wired to Left and Right: joins their rows on key columns (inner, left, right,
/// full, semi, anti), through the data plane's DataJoin.
/// </summary>
[Activity(Category = "Control", Description = "Wait for branches (In: WaitAll/WaitAny), or join two datasets on keys (Left/Right)",
    InputPorts = [Ports.In, LeftPort, RightPort])]
public sealed class Join : ControlActivity, IJoinActivity
{
    public const string LeftPort = "Left";
    public const string RightPort = "Right";

    [Input(Description = "Branches: WaitAll waits for every live branch; WaitAny continues on the first")]
    public Input<JoinWaitMode> Mode { get; init; } = new(JoinWaitMode.WaitAll);

    [Input(Description = "Datasets: inner, left, right, full, semi or anti (named joinType: type is the activity's type)",
        Options = ["inner", "left", "right", "full", "semi", "anti"])]
    public Input<string> JoinType { get; init; } = new("inner");

    [Input(Description = "Datasets: key pairs that must be equal, [{left, right}]", Example = """[{"left": "customer_id", "right": "customer_id"}]""")]
    public Input<List<JoinColumns>> On { get; init; } = new([]);

    public JoinMode GetJoinMode(ActivityNode node) =>
        node.Inputs.GetValueOrDefault("mode") is JsonValue v && v.TryGetValue<string>(out var s) && s.Equals("WaitAny", StringComparison.OrdinalIgnoreCase)
            ? JoinMode.WaitAny : JoinMode.WaitAll;

    public override void Execute(ControlContext context)
    {
        if (!context.IncomingTokens.Any(t => t.TargetPort is LeftPort or RightPort))
        {
            context.Complete();
            return;
        }
        var on = new JsonArray(context.Get(On).Select(k => (JsonNode?)new JsonObject { ["left"] = k.Left, ["right"] = k.Right }).ToArray());
        context.RunCode(DataReferences.JoinRowsActivity, new JsonObject { ["joinType"] = context.Get(JoinType), ["on"] = on });
    }
}
