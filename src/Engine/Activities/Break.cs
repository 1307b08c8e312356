using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Engine.Activities;

/// <summary>Ends the innermost loop around it; the loop follows Done.</summary>
[Activity(Category = "Loops", Description = "End the innermost loop around this activity", Outcomes = [])]
public sealed class Break : ControlActivity
{
    public override void Execute(ControlContext context) => context.Break();
}
