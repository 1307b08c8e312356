using ElsaFlow.Engine.ActivityModel;
using ElsaFlow.Engine.Model;

namespace ElsaFlow.Engine.Activities;

/// <summary>Follows True or False depending on a condition; the other branch gets a dead token.</summary>
[Activity(Category = "Control", Description = "Follow True or False depending on a condition", Outcomes = [Ports.True, Ports.False])]
public sealed class If : ControlActivity
{
    [Input(Description = "A JavaScript condition, e.g. variables.count < 10", Required = true, DefaultSyntax = "JavaScript")]
    public Input<bool> Condition { get; init; } = new();

    public override void Execute(ControlContext context) =>
        context.Complete(context.Get(Condition) ? Ports.True : Ports.False);
}
