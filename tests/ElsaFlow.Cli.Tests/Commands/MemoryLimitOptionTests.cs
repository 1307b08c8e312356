using ElsaFlow.Cli.Tests.Support;

namespace ElsaFlow.Cli.Tests.Commands;

/// <summary><c>--memory-limit</c>: DuckDB's cap per instance workspace (ElsaFlow:Data:MemoryLimit on the server).</summary>
public sealed class MemoryLimitOptionTests : IDisposable
{
    private readonly CliWorkspace _cli = new();

    [Fact]
    public async Task Run_MemoryLimitWithoutUnit_Exits2NamingTheOptionAndTheForm()
    {
        File.WriteAllText(_cli.PathOf("people.csv"), DataFlows.People);
        var flow = _cli.WriteFlow("ranking.json", DataFlows.Ranking);

        var result = await _cli.RunAsync("run", flow, "--memory-limit", "lots");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--memory-limit: 'lots' is not a memory size; write a number and a unit, for example 512MB, 2GB or 1.5GiB", result.StdErr);
        Assert.False(File.Exists(_cli.PathOf("out.csv")));
    }

    [Fact]
    public async Task Run_WithAMemoryLimit_RunsTheFlowUnderIt()
    {
        File.WriteAllText(_cli.PathOf("people.csv"), DataFlows.People);
        var flow = _cli.WriteFlow("ranking.json", DataFlows.Ranking);

        var result = await _cli.RunAsync("run", flow, "--memory-limit", "64MB");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["id,name,amount", "4,dee,40", "2,bob,20", "3,cy,15"], File.ReadAllLines(_cli.PathOf("out.csv")));
    }

    public void Dispose() => _cli.Dispose();
}
