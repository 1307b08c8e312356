using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Engine.Activities;

/// <summary>Runs its activities by following their connections; done when no live token remains inside.</summary>
[Activity(Category = "Control", Description = "Run activities by following their connections; done when nothing inside is left to run")]
public sealed class Flowchart : ControlActivity
{
    [Input(Description = "Guard on every back-edge cycle inside: how often it may be entered")]
    public Input<int> MaxVisits { get; init; } = new(10_000);

    public override void Execute(ControlContext context) => context.RunChildren();
}
