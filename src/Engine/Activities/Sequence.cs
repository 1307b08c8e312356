using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Engine.Activities;

/// <summary>Runs its activities one after the other, in the order written.</summary>
[Activity(Category = "Control", Description = "Run activities one after the other, in the order written")]
public sealed class Sequence : ControlActivity
{
    public override void Execute(ControlContext context) => context.RunChildren();
}
