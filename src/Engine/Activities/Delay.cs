using ElsaFlow.Engine.ActivityModel;
using ElsaFlow.Engine.Runtime.State;

namespace ElsaFlow.Engine.Activities;

/// <summary>Waits for a duration or until a moment, durably: the wait survives a restart.</summary>
[Activity(Category = "Waiting", Description = "Wait for a duration or until a moment; the wait survives restarts")]
public sealed class Delay : ControlActivity
{
    [Input(Description = "How long, as [d.]hh:mm:ss[.fffffff]")]
    public Input<TimeSpan?> Duration { get; init; } = new();

    [Input(Description = "Until when, as an ISO 8601 date and time")]
    public Input<DateTimeOffset?> Until { get; init; } = new();

    public override void Execute(ControlContext context)
    {
        var resumeAt = context.Get(Until) ?? context.Now + (context.Get(Duration) ?? TimeSpan.Zero);
        context.CreateBookmark(BookmarkNames.Delay, null, resumeAt);
    }

    public override void Validate(ActivityValidationContext context)
    {
        if (context.Has("duration") == context.Has("until"))
            context.Report("duration", "give either a duration or an until, not both and not neither");
    }
}
