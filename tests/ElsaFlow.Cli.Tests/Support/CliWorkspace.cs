using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using ElsaFlow.Engine.Store;
using ElsaFlow.Persistence.Sqlite;

namespace ElsaFlow.Cli.Tests.Support;

/// <summary>
/// A temp working folder with its own store, and a way to run the built elsaflow.dll there as a child process
/// (copied beside the test assembly by the CopyCliAndPlugins target).
/// </summary>
public sealed partial class CliWorkspace : IDisposable
{
    public static readonly string CliPath = Path.Combine(AppContext.BaseDirectory, "cli", "elsaflow.dll");
    public static readonly string PluginsSource = Path.Combine(AppContext.BaseDirectory, "plugins");

    public CliWorkspace()
    {
        Folder = Directory.CreateTempSubdirectory("elsaflow-cli-").FullName;
        Assert.True(File.Exists(CliPath), $"the CLI was not copied to {CliPath}");
    }

    public string Folder { get; }
    public string StoreFolder => Path.Combine(Folder, "store");
    public Dictionary<string, string> Environment { get; } = new() { ["ELSAFLOW_LEASE"] = "00:00:02" };

    public string PathOf(string name) => Path.Combine(Folder, name);

    /// <summary>Writes a flow file into the folder and returns its path.</summary>
    public string WriteFlow(string name, string text)
    {
        var path = PathOf(name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Runs elsaflow with <c>--store</c> set to this workspace's store and waits for it to exit.</summary>
    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var process = Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"elsaflow {string.Join(' ', args)} did not exit within 60 s");
        }
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts elsaflow without waiting; the caller reads its output and ends it.</summary>
    public Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8
        };
        info.ArgumentList.Add(CliPath);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.ArgumentList.Add("--store");
        info.ArgumentList.Add(StoreFolder);
        info.Environment.Remove("ELSAFLOW_PLUGINS");
        foreach (var (name, value) in Environment) info.Environment[name] = value;
        return Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
    }

    /// <summary>Reads a started process's stdout until a line contains <paramref name="text"/>; returns everything read.</summary>
    public static async Task<string> ReadUntilAsync(Process process, string text)
    {
        var seen = new StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            seen.AppendLine(line);
            if (line.Contains(text, StringComparison.Ordinal)) return seen.ToString();
        }
        throw new InvalidOperationException($"elsaflow ended before printing '{text}':{System.Environment.NewLine}{seen}");
    }

    /// <summary>Waits until a blocking test activity wrote its signal file, failing early when the process ended first.</summary>
    public static async Task WaitForFileAsync(string path, Process process)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!File.Exists(path))
        {
            Assert.False(process.HasExited, $"elsaflow exited with {(process.HasExited ? process.ExitCode : 0)} before reaching the blocking activity");
            Assert.True(DateTime.UtcNow < deadline, "the blocking activity never started");
            await Task.Delay(50);
        }
    }

    /// <summary>Opens the store the CLI wrote, as another process would.</summary>
    public IWorkflowStore OpenStore() => SqliteWorkflowStore.Open(Path.Combine(StoreFolder, "elsaflow.db"));

    /// <summary>
    /// Reads a started run's stdout up to its "instance ID started" line. The id is printed once the instance is stored,
    /// which may come after the first progress lines, so the first line is not it.
    /// </summary>
    public static async Task<string> ReadInstanceIdAsync(Process run) => InstanceId(await ReadUntilAsync(run, "instance "));

    /// <summary>The instance id from the "instance ID started" line.</summary>
    public static string InstanceId(string output)
    {
        var match = StartedLine().Match(output);
        Assert.True(match.Success, $"no 'instance ... started' line in:{System.Environment.NewLine}{output}");
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"instance (\S+) started")]
    private static partial Regex StartedLine();

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { /* a killed child may still hold a file for a moment; the temp folder is cleaned later */ }
    }
}
