using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Engine.Tests.Validation.Fakes;

[Activity(Type = "Join", Category = "Transforms", InputPorts = ["Left", "Right"])]
public sealed class FakeJoin : CodeActivity
{
    public override ValueTask RunAsync(ActivityContext context) => ValueTask.CompletedTask;
}
