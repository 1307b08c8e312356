using System.Text.Json.Nodes;
using ElsaFlow.Engine.ActivityModel;
using ElsaFlow.Engine.Model;

namespace ElsaFlow.Engine.Tests.Validation.Fakes;

[Activity(Type = "Switch", Category = "Control", Outcomes = ["Default"])]
public sealed class FakeSwitch : ControlActivity, IDynamicPorts
{
    public Input<List<SwitchCase>> Cases { get; init; } = new([]);

    public IEnumerable<string> GetOutcomes(ActivityNode node) =>
        node.Inputs.TryGetValue("cases", out var cases) && cases is JsonArray list
            ? list.Select(c => c?["label"]?.GetValue<string>() ?? "")
            : [];

    public override void Execute(ControlContext context) => context.Complete("Default");
}
