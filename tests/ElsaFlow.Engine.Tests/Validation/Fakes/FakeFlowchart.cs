using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Engine.Tests.Validation.Fakes;

[Activity(Type = "Flowchart", Category = "Control")]
public sealed class FakeFlowchart : ControlActivity
{
    public override void Execute(ControlContext context) => context.RunChildren();
}
