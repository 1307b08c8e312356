using ElsaFlow.Engine.ActivityModel;
using ElsaFlow.Engine.Runtime.State;

namespace ElsaFlow.Engine.Activities;

/// <summary>Waits until someone resumes it (API, Studio or <c>elsaflow resume</c>); the resume payload becomes its output.</summary>
[Activity(Category = "Waiting", Description = "Wait until resumed from outside; the resume payload becomes the output")]
public sealed class Pause : ControlActivity
{
    [Input(Description = "A name to resume it by (defaults to the activity id)")]
    public Input<string> Name { get; init; } = new("");

    public override void Execute(ControlContext context)
    {
        var name = context.Get(Name);
        context.CreateBookmark(BookmarkNames.Pause, string.IsNullOrEmpty(name) ? context.ActivityId : name);
    }
}
