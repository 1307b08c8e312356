using System.Diagnostics;
using ElsaFlow.Engine.Activities;
using ElsaFlow.Engine.Descriptors;
using ElsaFlow.Engine.Loading;
using ElsaFlow.FlowCorpus;

namespace ElsaFlow.Engine.Tests.Loading;

/// <summary>Loading and validation cost grows with the flow's size, not its square (a 60,000-step flow took 66 s).</summary>
public class LargeFlowTests
{
    [Fact]
    public void Parse_SixtyThousandSteps_ValidatesInSeconds()
    {
        // Arrange
        var loader = new FlowLoader(new ActivityRegistry().RegisterAssembly(typeof(Flowchart).Assembly), new FlowLimits { MaxActivities = 100_000 });
        var json = LargeFlows.Chain(60_000);
        loader.Parse(LargeFlows.Chain(100), FlowFormat.Json);
        var clock = Stopwatch.StartNew();

        // Act
        var result = loader.Parse(json, FlowFormat.Json, "large.json");

        // Assert
        Assert.True(result.IsValid, string.Join("; ", result.Problems.Take(5)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
    }
}
