using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.TestPlugins;

/// <summary>A code activity that takes its time, so a test can kill a process while many of them are in flight.</summary>
[Activity(Type = "Sleep", Category = "Test", Description = "Wait a while inside a code activity (not a durable timer)")]
public sealed class Sleep : CodeActivity
{
    [Input(Description = "How long to wait, [d.]hh:mm:ss[.fffffff]")]
    public Input<string> Duration { get; init; } = new("00:00:00.100");

    public override async ValueTask RunAsync(ActivityContext context) =>
        await Task.Delay(Engine.Model.Duration.Parse(context.Get(Duration), "duration"), context.CancellationToken);
}
