using ElsaFlow.Engine.Descriptors;

namespace ElsaFlow.Engine.Tests.Validation.Fakes;

/// <summary>A registry of the small fake activities the loading and validation tests use.</summary>
public static class TestRegistry
{
    public static ActivityRegistry Create() => new ActivityRegistry()
        .Register<FakeFlowchart>()
        .Register<FakeSequence>()
        .Register<FakeIf>()
        .Register<FakeSwitch>()
        .Register<FakeCsvInput>()
        .Register<FakeJoin>()
        .Register<FakeWait>();
}
