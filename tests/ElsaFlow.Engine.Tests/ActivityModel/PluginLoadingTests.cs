using ElsaFlow.Engine.Activities;
using ElsaFlow.Engine.Descriptors;

namespace ElsaFlow.Engine.Tests.ActivityModel;

public sealed class PluginLoadingTests
{
    [Fact]
    public void LoadPlugins_RegistersActivitiesOfAssembliesInTheFolder()
    {
        // The test assembly itself is an activity assembly: copied into a plugins folder it must be picked up.
        var folder = Directory.CreateTempSubdirectory("elsaflow-plugins").FullName;
        var assembly = typeof(PluginLoadingTests).Assembly.Location;
        File.Copy(assembly, Path.Combine(folder, Path.GetFileName(assembly)));
        var registry = new ActivityRegistry().RegisterAssembly(typeof(Flowchart).Assembly);

        var loaded = registry.LoadPlugins(folder);

        Assert.Single(loaded);
        Assert.True(registry.TryGet("Flaky", out var flaky));
        Assert.Equal("Test", flaky.Category);
    }

    [Fact]
    public void LoadPlugins_MissingFolder_LoadsNothing()
    {
        var registry = new ActivityRegistry();

        Assert.Empty(registry.LoadPlugins(Path.Combine(Path.GetTempPath(), "no-such-plugins-" + Guid.NewGuid())));
    }
}
