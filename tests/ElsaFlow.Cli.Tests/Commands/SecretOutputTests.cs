using ElsaFlow.Cli.Tests.Support;

namespace ElsaFlow.Cli.Tests.Commands;

/// <summary>The CLI's part of the secret scan: run, journal and instances print a sensitive input's derived values as ***.</summary>
public sealed class SecretOutputTests : IDisposable
{
    private const string Secret = "tok-77c0d1e9ab";

    private readonly CliWorkspace _cli = new();

    [Fact]
    public async Task Run_SensitiveInputSpreadToVariablesLogsAndSubFlow_PrintsItNowhere()
    {
        _cli.WriteFlow("child.json", SecretFlows.Child);
        var flow = _cli.WriteFlow("parent.json", SecretFlows.Parent(LocalUrl()));

        var text = await _cli.RunAsync("run", flow, "--input", $"token={Secret}");
        var json = await _cli.RunAsync("run", flow, "--input", $"token={Secret}", "--json");
        var id = CliWorkspace.InstanceId(text.StdOut);
        var journal = await _cli.RunAsync("journal", id);
        var journalJson = await _cli.RunAsync("journal", id, "--json");
        var instances = await _cli.RunAsync("instances");

        Assert.True(text.ExitCode == 1, text.ToString()); // the flow faults quoting the token, on purpose
        Assert.Contains("child has ***", text.StdOut);
        Assert.Contains("Bearer ***", json.StdOut);
        foreach (var result in new[] { text, json, journal, journalJson, instances })
        {
            Assert.DoesNotContain(Secret, result.StdOut, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, result.StdErr, StringComparison.Ordinal);
        }
    }

    // Nothing listens there: the request fails at once and onError continue goes on; the header still marks the token sensitive.
    private static string LocalUrl()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}/nothing";
    }

    public void Dispose() => _cli.Dispose();
}
