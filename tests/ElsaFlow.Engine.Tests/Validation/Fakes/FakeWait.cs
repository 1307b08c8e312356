using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Engine.Tests.Validation.Fakes;

/// <summary>An activity with a check of its own: duration or until, not both.</summary>
[Activity(Type = "Wait", Category = "Control")]
public sealed class FakeWait : ControlActivity
{
    public Input<TimeSpan> Duration { get; init; } = new();
    public Input<string> Until { get; init; } = new("");

    public override void Validate(ActivityValidationContext context)
    {
        if (context.Has("duration") && context.Has("until")) context.Report("until", "give a duration or an until time, not both");
    }

    public override void Execute(ControlContext context) => context.Complete();
}
