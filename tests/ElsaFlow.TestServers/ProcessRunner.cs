using System.Diagnostics;

namespace ElsaFlow.TestServers;

/// <summary>Runs a short command and collects its output (stdout and stderr together).</summary>
public static class ProcessRunner
{
    public static (int ExitCode, string Output) TryRun(string fileName, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return (process.ExitCode, stdout.Result + stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            return (-1, error.Message);
        }
    }

    /// <summary>Runs the command, throws with its output when it fails.</summary>
    public static string Run(string fileName, params string[] arguments)
    {
        var (exitCode, output) = TryRun(fileName, arguments);
        if (exitCode != 0)
            throw new InvalidOperationException($"'{fileName} {string.Join(' ', arguments)}' failed with exit code {exitCode}:\n{output}");
        return output;
    }

    /// <summary>A TCP port on 127.0.0.1 that nobody listens on right now.</summary>
    public static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
