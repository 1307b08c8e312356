using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Engine.Tests.Secrets;

/// <summary>A test activity with a sensitive input, like HttpRequest's headers; it does nothing with it.</summary>
[Activity(Type = "UseToken", Category = "Test", Description = "Take a token")]
public sealed class UseToken : CodeActivity
{
    [Input(Sensitive = true)] public Input<string> Token { get; init; } = new("");

    public override ValueTask RunAsync(ActivityContext context)
    {
        context.CompleteWith("Done", null);
        return ValueTask.CompletedTask;
    }
}
