using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Engine.Tests.Validation.Fakes;

[Activity(Type = "Sequence", Category = "Control")]
public sealed class FakeSequence : ControlActivity
{
    public override void Execute(ControlContext context) => context.RunChildren();
}
