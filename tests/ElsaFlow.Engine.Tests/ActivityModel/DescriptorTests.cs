using ElsaFlow.Engine.Activities;
using ElsaFlow.Engine.ActivityModel;
using ElsaFlow.Engine.Descriptors;

namespace ElsaFlow.Engine.Tests.ActivityModel;

public sealed class DescriptorTests
{
    private readonly ActivityRegistry _registry = new ActivityRegistry().RegisterAssembly(typeof(Flowchart).Assembly).Register<Connect>();

    [Fact]
    public void Registry_ListsEveryControlActivity_ByItsTypeName()
    {
        var types = _registry.Descriptors.Select(d => d.Type).ToHashSet();

        foreach (var expected in new[] { "Flowchart", "Sequence", "If", "Switch", "For", "ForEach", "While", "Fork", "Join", "Break",
                     "SetVariable", "Log", "Pause", "Delay", "Event", "SubFlow", "DispatchFlow", "Fault", "Finish" })
            Assert.Contains(expected, types);
    }

    [Fact]
    public void Descriptor_DescribesInputsWithTypesDefaultsAndSyntax()
    {
        var loop = _registry.GetDescriptor("While");

        var condition = loop.FindInput("condition")!;
        var max = loop.FindInput("maxIterations")!;
        Assert.Equal(("Boolean", "JavaScript", true), (condition.Type, condition.DefaultSyntax, condition.Required));
        Assert.Equal(("Integer", 10_000), (max.Type, max.Default!.GetValue<int>()));
        Assert.Equal(["Iterate", "Done"], loop.Outcomes);
        Assert.Equal("Control", loop.Kind);
        Assert.Equal("Loops", loop.Category);
        Assert.False(string.IsNullOrWhiteSpace(loop.Description));
    }

    [Fact]
    public void Descriptor_OfSwitch_HasListOfObjectFields_AndDynamicPorts()
    {
        var descriptor = _registry.GetDescriptor("Switch");

        var cases = descriptor.FindInput("cases")!;
        Assert.Equal(("List", "Object"), (cases.Type, cases.ItemType));
        Assert.Equal(["name", "condition"], cases.Fields!.Select(f => f.Name));
        Assert.True(descriptor.DynamicOutcomes);
        Assert.Equal(["MatchFirst", "MatchAny"], descriptor.FindInput("mode")!.Options);
    }

    [Fact]
    public void Descriptor_MarksSecretsSensitive_AndCodeActivitiesAsCode()
    {
        var descriptor = _registry.GetDescriptor("Connect");

        Assert.True(descriptor.FindInput("password")!.Sensitive);
        Assert.False(descriptor.FindInput("host")!.Sensitive);
        Assert.Equal("Code", descriptor.Kind);
        Assert.Equal("localhost", descriptor.FindInput("host")!.Default!.GetValue<string>());
    }

    [Fact]
    public void Register_ActivityUsingAReservedKey_IsRefusedWithTheKeyNamed()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ActivityRegistry().Register<UsesRetry>());

        Assert.Contains("'UsesRetry' declares input 'retry'", error.Message);
    }

    [Activity(Category = "Test", Description = "Connects somewhere")]
    public sealed class Connect : CodeActivity
    {
        [Input(Description = "Host name")] public Input<string> Host { get; init; } = new("localhost");
        [Input(Description = "Password", Sensitive = true)] public Input<string> Password { get; init; } = new("");
        public override ValueTask RunAsync(ActivityContext context) => ValueTask.CompletedTask;
    }

    [Activity(Category = "Test", Description = "Breaks the rules")]
    internal sealed class UsesRetry : CodeActivity
    {
        [Input] public Input<int> Retry { get; init; } = new(1);
        public override ValueTask RunAsync(ActivityContext context) => ValueTask.CompletedTask;
    }
}
