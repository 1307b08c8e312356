using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.TestPlugins;

/// <summary>
/// Writes a signal file, then blocks while a marker file exists: a test kills (or stops) the process at that exact
/// point, deletes the marker, and the activity completes where it runs then (again after a takeover, or draining).
/// </summary>
[Activity(Type = "BlockOnce", Category = "Test", Description = "Signal, then block while a marker file exists")]
public sealed class BlockOnce : CodeActivity
{
    [Input(Description = "File written when the activity starts", Required = true)]
    public Input<string> Signal { get; init; } = new("");

    [Input(Description = "While this file exists the activity blocks", Required = true)]
    public Input<string> Block { get; init; } = new("");

    public override async ValueTask RunAsync(ActivityContext context)
    {
        await File.AppendAllTextAsync(context.Get(Signal), $"attempt {context.Attempt} pid {Environment.ProcessId}{Environment.NewLine}", context.CancellationToken);
        while (File.Exists(context.Get(Block)))
            await Task.Delay(100, context.CancellationToken);
    }
}
