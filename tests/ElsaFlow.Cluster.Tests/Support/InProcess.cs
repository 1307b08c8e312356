using System.Diagnostics;
using System.Text.Json.Nodes;
using ElsaFlow.TestServers;

namespace ElsaFlow.Cluster.Tests.Support;

/// <summary>The same flow run by <c>elsaflow run</c> in one process, no bus: what a cluster's result must equal.</summary>
public static class InProcess
{
    /// <summary>Runs the flow in a fresh folder (with <paramref name="files"/> written into it) and returns the --json result and the folder.</summary>
    public static async Task<(JsonObject Result, string Folder)> RunAsync(string flow, IReadOnlyDictionary<string, string>? files = null)
    {
        var folder = Directory.CreateTempSubdirectory("elsaflow-inprocess-").FullName;
        foreach (var (path, content) in files ?? new Dictionary<string, string>())
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder, path))!);
            await File.WriteAllTextAsync(Path.Combine(folder, path), content);
        }
        await File.WriteAllTextAsync(Path.Combine(folder, "flow.json"), flow);
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { ClusterNode.CliPath, "run", "flow.json", "--json", "--plugins", Path.Combine(AppContext.BaseDirectory, "plugins") })
            info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(process.ExitCode == 0, $"elsaflow run exited {process.ExitCode}:\n{await stdout}\n{await stderr}");
        return (JsonNode.Parse(await stdout)!.AsObject(), folder);
    }
}
