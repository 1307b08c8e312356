using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ElsaFlow.Cli.Tests.Support;

/// <summary>
/// <c>elsaflow serve --urls http://127.0.0.1:0</c> as a child process over its own workspace, with a known admin key;
/// the URL comes from the startup banner. Killed when disposed.
/// </summary>
public sealed partial class ServedServer : IAsyncLifetime
{
    public const string AdminKey = "cli-test-admin-key";

    private readonly CliWorkspace _workspace = new();
    private Process? _process;

    public string Url { get; private set; } = "";
    public string DataFolder => _workspace.StoreFolder;

    public async Task InitializeAsync()
    {
        _workspace.Environment["ELSAFLOW_ADMIN_KEY"] = AdminKey;
        _process = _workspace.Start("serve", "--urls", "http://127.0.0.1:0");
        var seen = await CliWorkspace.ReadUntilAsync(_process, "ElsaFlow is running");
        Url = Banner().Match(seen).Groups[1].Value;
        // Keep draining the server's output so its log lines never fill the pipe and block it.
        _ = _process.StandardOutput.ReadToEndAsync();
        _ = _process.StandardError.ReadToEndAsync();
    }

    [GeneratedRegex(@"ElsaFlow is running: open (\S+)/studio")]
    private static partial Regex Banner();

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        _workspace.Dispose();
    }
}
