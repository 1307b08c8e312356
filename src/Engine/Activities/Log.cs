using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Engine.Activities;

/// <summary>Writes a message to the instance log (and the console of <c>elsaflow run</c>).</summary>
[Activity(Category = "Primitives", Description = "Write a message to the instance log; ${name} placeholders are filled")]
public sealed class Log : ControlActivity
{
    [Input(Description = "The message; ${name} is replaced by an input or variable", Required = true)]
    public Input<string> Message { get; init; } = new("");

    [Input(Description = "Debug, Information, Warning or Error")]
    public Input<LogLevel> Level { get; init; } = new(LogLevel.Information);

    public override void Execute(ControlContext context)
    {
        context.Log(context.Get(Message), context.Get(Level).ToString());
        context.Complete();
    }
}
