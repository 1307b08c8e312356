using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace ElsaFlow.TestServers;

/// <summary>
/// One ElsaFlow node as a real process (<c>elsaflow serve --role master</c> or <c>elsaflow worker</c>), for the cluster
/// tests and benchmarks: started from the CLI built beside the caller (cli/, see tests/CopyCliAndPlugins.targets), killed with SIGKILL like a crash, started again with the same arguments (a new process, a new node id).
/// </summary>
public sealed partial class ClusterNode(string name, string workingDirectory, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    : IAsyncDisposable
{
    public static readonly string CliPath = Path.Combine(AppContext.BaseDirectory, "cli", "elsaflow.dll");
    private readonly StringBuilder _output = new();
    private Process? _process;

    public string Name { get; } = name;
    public string Url { get; private set; } = "";
    public int ProcessId { get; private set; }
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Everything the node printed (for failure messages).</summary>
    public string Output { get { lock (_output) return _output.ToString(); } }

    public async Task StartAsync()
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false
        };
        info.ArgumentList.Add(CliPath);
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) info.Environment[key] = value;
        var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _process = Process.Start(info) ?? throw new InvalidOperationException($"{Name} did not start");
        ProcessId = _process.Id;
        _process.OutputDataReceived += (_, e) => Hear(e.Data, ready);
        _process.ErrorDataReceived += (_, e) => Hear(e.Data, ready);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(ready.Task, exited, Task.Delay(TimeSpan.FromSeconds(90)));
        if (first != ready.Task) throw new InvalidOperationException($"{Name} did not come up:\n{Output}");
        Url = await ready.Task;
    }

    private void Hear(string? line, TaskCompletionSource<string> ready)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        var banner = Banner().Match(line);
        if (banner.Success) ready.TrySetResult(banner.Groups["url"].Value);
    }

    [GeneratedRegex(@"ElsaFlow (is running: open (?<url>\S+)/studio|worker .* \(health: (?<url>\S+)/health\))")]
    private static partial Regex Banner();

    /// <summary>SIGKILL: no drain, no goodbye, unacknowledged messages go back to their queues.</summary>
    public async Task KillAsync()
    {
        if (_process is not { HasExited: false } process) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>SIGTERM: the node drains (stops taking work, finishes what runs) and exits.</summary>
    public async Task<int> TerminateAsync(TimeSpan within)
    {
        if (_process is not { HasExited: false } process) return _process?.ExitCode ?? 0;
        Process.Start("kill", ["-TERM", process.Id.ToString()])!.WaitForExit();
        using var timeout = new CancellationTokenSource(within);
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }
}
