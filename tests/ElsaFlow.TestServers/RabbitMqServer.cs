using System.Diagnostics;
using System.Net.Sockets;

namespace ElsaFlow.TestServers;

/// <summary>
/// A private RabbitMQ broker for the test run: its own node name, mnesia and log folders in a temp dir, AMQP, Erlang
/// distribution and epmd on free 127.0.0.1 ports (so it never meets another broker); killed and deleted afterwards.
/// It can be stopped and started again over the same folder (a broker restart mid-run keeps durable queues).
/// </summary>
public sealed class RabbitMqServer : IAsyncLifetime
{
    private readonly string _node = $"elsaflow{Environment.ProcessId}x{Random.Shared.Next(100_000)}@localhost";
    private string _binaries = "";

    public string Folder { get; } = Directory.CreateTempSubdirectory("elsaflow-rabbitmq-").FullName;
    public int Port { get; } = ProcessRunner.FreePort();
    private int DistributionPort { get; } = ProcessRunner.FreePort();
    private int EpmdPort { get; } = ProcessRunner.FreePort();

    /// <summary>The broker's AMQP URI (guest may connect from 127.0.0.1).</summary>
    public string Uri => $"amqp://guest:guest@127.0.0.1:{Port}/";

    private string PidFile => Path.Combine(Folder, "rabbit.pid");
    private string LogFolder => Path.Combine(Folder, "log");

    public async Task InitializeAsync()
    {
        var server = ServerBinaries.Find("/bin/rabbitmq-server", "The RabbitMQ server (rabbitmq-server)", "rabbitmq-server");
        _binaries = Path.GetDirectoryName(server)!;
        Directory.CreateDirectory(Path.Combine(Folder, "mnesia"));
        Directory.CreateDirectory(LogFolder);
        // The listener comes from the config file only: RABBITMQ_NODE_PORT as well would open it twice (eaddrinuse).
        await File.WriteAllTextAsync(Path.Combine(Folder, "rabbitmq.conf"), $"listeners.tcp.default = 127.0.0.1:{Port}\n");
        await File.WriteAllTextAsync(Path.Combine(Folder, "enabled_plugins"), "[].");
        await StartAsync();
    }

    /// <summary>Starts the broker (again) over its folder and waits until it accepts connections.</summary>
    public async Task StartAsync()
    {
        var (exitCode, output) = Run("rabbitmq-server", "-detached");
        if (exitCode != 0) throw new InvalidOperationException($"rabbitmq-server did not start:\n{output}");
        var wait = await Task.Run(() => Run("rabbitmqctl", "wait", PidFile, "--timeout", "120"));
        if (wait.ExitCode != 0) throw new InvalidOperationException($"RabbitMQ did not come up:\n{wait.Output}\n{Logs()}");
        var deadline = Stopwatch.StartNew();
        while (!Accepts())
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(60)) throw new InvalidOperationException($"RabbitMQ does not listen on {Port}:\n{Logs()}");
            await Task.Delay(100);
        }
    }

    /// <summary>Stops the broker as a crash would (SIGKILL): what was not persisted is gone, durable queues and persistent messages stay.</summary>
    public async Task KillAsync()
    {
        if (File.Exists(PidFile) && int.TryParse((await File.ReadAllTextAsync(PidFile)).Trim(), out var pid))
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            catch (ArgumentException) { /* already gone */ }
            File.Delete(PidFile);
        }
        while (Accepts()) await Task.Delay(50);
    }

    public async Task DisposeAsync()
    {
        await KillAsync();
        ProcessRunner.TryRun("epmd", ["-port", EpmdPort.ToString(), "-kill"]);
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { /* a closing process may still hold a file; temp is cleaned later */ }
    }

    private bool Accepts()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private (int ExitCode, string Output) Run(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(Path.Combine(_binaries, program)) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = Folder, ["RABBITMQ_NODENAME"] = _node, ["RABBITMQ_DIST_PORT"] = DistributionPort.ToString(),
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1", ["ERL_EPMD_PORT"] = EpmdPort.ToString(),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(Folder, "mnesia"), ["RABBITMQ_LOG_BASE"] = LogFolder,
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(Folder, "rabbitmq"), ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(Folder, "enabled_plugins"),
            ["RABBITMQ_PID_FILE"] = PidFile,
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
            ["RABBITMQ_CTL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}"
        };
        foreach (var (name, value) in environment) info.Environment[name] = value;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private string Logs() =>
        string.Join('\n', Directory.GetFiles(LogFolder, "*.log").Select(f => string.Join('\n', File.ReadLines(f).TakeLast(30))));
}
