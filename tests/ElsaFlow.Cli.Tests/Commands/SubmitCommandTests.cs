using ElsaFlow.Cli.Tests.Support;

namespace ElsaFlow.Cli.Tests.Commands;

public sealed class SubmitCommandTests(ServedServer server) : IClassFixture<ServedServer>, IDisposable
{
    private readonly CliWorkspace _cli = new();

    [Fact]
    public async Task Submit_FinishingFlow_FollowsProgressOnTheServerAndExits0()
    {
        var flow = _cli.WriteFlow("greeting.json", Flows.Greeting);

        var result = await _cli.RunAsync("submit", flow, "--server", server.Url, "--key", ServedServer.AdminKey, "--input", "who=Remy", "--input", "count=1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("(flow greeting)", result.StdOut);
        Assert.Contains("completed greet (SetVariable)", result.StdOut);
        Assert.Contains("hello Remy", result.StdOut);
        Assert.Contains($"instance {CliWorkspace.InstanceId(result.StdOut)} finished", result.StdOut);
    }

    [Fact]
    public async Task Submit_InvalidFlow_PrintsEveryProblemAndExits2()
    {
        var flow = _cli.WriteFlow("broken.json", Flows.Invalid);

        var result = await _cli.RunAsync("submit", flow, "--server", server.Url, "--key", ServedServer.AdminKey);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("400", result.StdErr);
        Assert.Contains("speak:", result.StdErr);
        Assert.Contains("decide:", result.StdErr);
    }

    [Fact]
    public async Task Submit_FaultingFlow_Exits1WithTheError()
    {
        var flow = _cli.WriteFlow("faulting.json", Flows.Faulting);

        var result = await _cli.RunAsync("submit", flow, "--server", server.Url, "--key", ServedServer.AdminKey);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("faulted in activity 'explode'", result.StdOut);
        Assert.Contains("the data is bad", result.StdOut);
    }

    [Fact]
    public async Task Submit_WrongKey_Exits2()
    {
        var flow = _cli.WriteFlow("greeting.json", Flows.Greeting);

        var result = await _cli.RunAsync("submit", flow, "--server", server.Url, "--key", "not-a-key");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("401", result.StdErr);
    }

    [Fact]
    public async Task Serve_WritesRollingLogFileUnderTheDataFolder()
    {
        var flow = _cli.WriteFlow("greeting.json", Flows.Greeting);
        await _cli.RunAsync("submit", flow, "--server", server.Url, "--key", ServedServer.AdminKey, "--input", "count=1");

        var logs = Directory.GetFiles(Path.Combine(server.DataFolder, "logs"), "elsaflow-*.log");

        var text = string.Join("\n", logs.Select(ReadShared));
        Assert.Contains("hello world (instance ", text);
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }

    public void Dispose() => _cli.Dispose();
}
