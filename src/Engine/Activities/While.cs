using ElsaFlow.Engine.ActivityModel;
using ElsaFlow.Engine.Model;

namespace ElsaFlow.Engine.Activities;

/// <summary>Runs the body reached from Iterate while a condition holds, with a guard on the number of iterations.</summary>
[Activity(Category = "Loops", Description = "Run the Iterate body while a condition holds, then follow Done",
    Outcomes = [Ports.Iterate, Ports.Done])]
public sealed class While : ControlActivity
{
    [Input(Description = "A JavaScript condition checked before every iteration", Required = true, DefaultSyntax = "JavaScript")]
    public Input<bool> Condition { get; init; } = new();

    [Input(Description = "Guard: the loop faults instead of running more often than this")]
    public Input<int> MaxIterations { get; init; } = new(10_000);

    public override void Execute(ControlContext context) => Next(context, 0);

    public override void OnBodyCompleted(ControlContext context, BodyCompletion completion)
    {
        if (completion.Broken) context.Complete();
        else Next(context, completion.Index + 1);
    }

    private void Next(ControlContext context, long index)
    {
        if (!context.Get(Condition)) { context.Complete(); return; }
        var max = context.Get(MaxIterations);
        if (index >= max)
        {
            context.Fault($"maxIterations: the condition still holds after {max} iterations; check it or raise maxIterations");
            return;
        }
        context.Iterate(null, index);
    }
}
