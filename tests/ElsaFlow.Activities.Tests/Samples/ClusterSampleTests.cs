using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Samples;

/// <summary>
/// Every flow in workflows/cluster/ runs in one process and as a cluster's nodes run it (results through the shared
/// dataset store), with the same output. The process-level cluster tests run them on real worker processes.
/// </summary>
public sealed class ClusterSampleTests : IAsyncLifetime
{
    private readonly DataHarness _local = new();
    private readonly DataHarness _shared = new(sharedDatasets: "shared-datasets");

    public static TheoryData<string> Flows => new(SampleFolder.FlowsIn("cluster"));

    public Task InitializeAsync()
    {
        SampleFolder.CopyTo(_local.PathOf("workflows"));
        SampleFolder.CopyTo(_shared.PathOf("workflows"));
        return Task.CompletedTask;
    }

    [Fact]
    public void Samples_ShowScaleOut()
    {
        Assert.Equal(["monthly-sales.json"], SampleFolder.FlowsIn("cluster"));
    }

    [Theory]
    [MemberData(nameof(Flows))]
    public async Task Sample_InOneProcessAndThroughTheSharedStore_GivesTheSameOutput(string file)
    {
        var local = await _local.RunFileAsync(_local.PathOf(Path.Combine("workflows", "cluster", file)));
        var shared = await _shared.RunFileAsync(_shared.PathOf(Path.Combine("workflows", "cluster", file)));

        ResultAssert.Status(WorkflowStatus.Finished, local);
        ResultAssert.Status(WorkflowStatus.Finished, shared);
        var written = Directory.GetFiles(_local.PathOf("out")).Select(Path.GetFileName).Order().ToList();
        Assert.NotEmpty(written);
        foreach (var name in written)
            Assert.Equal(File.ReadAllText(_local.PathOf(Path.Combine("out", name!))), File.ReadAllText(_shared.PathOf(Path.Combine("out", name!))));
    }

    [Fact]
    public async Task MonthlySales_GathersEveryMonthIntoOneSummary()
    {
        var result = await _local.RunFileAsync(_local.PathOf(Path.Combine("workflows", "cluster", "monthly-sales.json")));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var lines = File.ReadAllLines(_local.PathOf("out/monthly-summary.csv"));
        Assert.Equal("month,region,revenue,orders", lines[0]);
        Assert.Equal(["2026-01", "2026-02", "2026-03", "2026-04"], lines.Skip(1).Select(l => l.Split(',')[0]).Distinct());
        // Refunds and zero amounts (amount <= 0) never reach the summary.
        var orders = lines.Skip(1).Sum(l => int.Parse(l.Split(',')[3]));
        var expected = Directory.GetFiles(_local.PathOf("workflows/data/months"), "*.csv")
            .SelectMany(f => File.ReadAllLines(f).Skip(1)).Count(l => int.Parse(l.Split(',')[4]) > 0);
        Assert.Equal(expected, orders);
    }

    public async Task DisposeAsync()
    {
        await _local.DisposeAsync();
        await _shared.DisposeAsync();
    }
}
