using ElsaFlow.Engine.ActivityModel;
using ElsaFlow.Engine.Runtime.State;

namespace ElsaFlow.Engine.Activities;

/// <summary>Waits for a named event; the event's payload becomes its output.</summary>
[Activity(Category = "Waiting", Description = "Wait for a named event; the event payload becomes the output")]
public sealed class Event : ControlActivity
{
    [Input(Description = "The event name to wait for", Required = true)]
    public Input<string> Name { get; init; } = new("");

    public override void Execute(ControlContext context) => context.CreateBookmark(BookmarkNames.Event, context.Get(Name));
}
