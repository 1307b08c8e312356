using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Engine.Activities;

/// <summary>Faults the instance with a message (or follows Error when onError is port).</summary>
[Activity(Category = "Control", Description = "Fault the instance with a message", Outcomes = [])]
public sealed class Fault : ControlActivity
{
    [Input(Description = "Why the flow fails; ${name} placeholders are filled", Required = true)]
    public Input<string> Message { get; init; } = new("");

    public override void Execute(ControlContext context) => context.Fault(context.Get(Message));
}
