using System.Diagnostics;

namespace ElsaFlow.TestServers;

/// <summary>Finds server programs through the Debian packages that ship them (`dpkg -L`), as ./test.sh installs them.</summary>
public static class ServerBinaries
{
    /// <summary>The first file of <paramref name="packages"/> whose path ends with <paramref name="suffix"/>; a clear error when none is installed.</summary>
    public static string Find(string suffix, string what, params string[] packages)
    {
        foreach (var package in packages)
        {
            var (exitCode, output) = ProcessRunner.TryRun("dpkg", ["-L", package]);
            if (exitCode != 0)
                continue;
            var path = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .FirstOrDefault(line => line.EndsWith(suffix, StringComparison.Ordinal) && File.Exists(line));
            if (path is not null)
                return path;
        }
        throw new InvalidOperationException(
            $"{what} is not installed here (looked for '{suffix}' in the Debian package(s) {string.Join(", ", packages)}). " +
            "Run ./test.sh from the repository root: it installs the database servers the store tests start (apt-get install mariadb-server postgresql-15).");
    }

    public static bool RunningAsRoot => Environment.UserName == "root";

    public static Process Start(string fileName, IEnumerable<string> arguments, string logPath)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}");
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
