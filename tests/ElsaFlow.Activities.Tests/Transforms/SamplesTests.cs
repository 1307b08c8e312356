using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Transforms;

public sealed class SamplesTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();

    public Task InitializeAsync()
    {
        _data.WriteFile("in.csv", "id,label\n" + string.Concat(Enumerable.Range(1, 100).Select(i => $"{i},row{i}\n")));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    private async Task<List<string>> SampleAsync(string options)
    {
        var result = await _data.RunAsync(TransformFlow.Single($$"""{"id": "step", "type": "Samples", {{options}}}"""));
        ResultAssert.Status(WorkflowStatus.Finished, result);
        return TransformFlow.Sorted(await _data.RowsAsync(result, "step"));
    }

    [Fact]
    public async Task Samples_NWithSeed_GivesTheSameRowsOnEveryRun()
    {
        var first = await SampleAsync("\"n\": 10, \"seed\": 42");
        var second = await SampleAsync("\"n\": 10, \"seed\": 42");
        var other = await SampleAsync("\"n\": 10, \"seed\": 7");

        Assert.Equal(10, first.Count);
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task Samples_FractionWithSeed_GivesTheSameRoundedShareOnEveryRun()
    {
        var first = await SampleAsync("\"fraction\": 0.25, \"seed\": 3");
        var second = await SampleAsync("\"fraction\": 0.25, \"seed\": 3");

        Assert.Equal(25, first.Count);
        Assert.Equal(first, second);
        Assert.Equal(25, first.Distinct().Count());
    }

    [Fact]
    public async Task Samples_NWithoutSeed_TakesNRows()
    {
        Assert.Equal(5, (await SampleAsync("\"n\": 5")).Count);
    }

    [Fact]
    public async Task Samples_BothNAndFraction_Faults()
    {
        var result = await _data.RunAsync(TransformFlow.Single("""{"id": "step", "type": "Samples", "n": 5, "fraction": 0.5}"""));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("step", result.FaultedActivityId);
        Assert.Equal("n: give either n (a row count) or fraction (between 0 and 1), not both", result.Error);
    }

    [Fact]
    public async Task Samples_FractionAboveOne_Faults()
    {
        var result = await _data.RunAsync(TransformFlow.Single("""{"id": "step", "type": "Samples", "fraction": 1.5}"""));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("fraction: must be between 0 and 1, not 1.5", result.Error);
    }
}
