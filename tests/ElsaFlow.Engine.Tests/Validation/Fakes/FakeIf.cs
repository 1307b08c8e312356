using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Engine.Tests.Validation.Fakes;

[Activity(Type = "If", Category = "Control", Outcomes = ["True", "False"])]
public sealed class FakeIf : ControlActivity
{
    [Input(DefaultSyntax = "JavaScript")] public Input<bool> Condition { get; init; } = new();

    public override void Execute(ControlContext context) => context.Complete(context.Get(Condition) ? "True" : "False");
}
