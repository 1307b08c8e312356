using System.Diagnostics;
using MySqlConnector;

namespace ElsaFlow.Benchmarks;

/// <summary>
/// A private MariaDB for the api suite, started the way tests/ElsaFlow.Persistence.Tests/Servers/MariaDbServer.cs does:
/// a fresh data folder (mariadb-install-db), mariadbd on a free 127.0.0.1 port, a user "elsaflow" owning elsaflow_*.
/// </summary>
internal sealed class BenchMariaDb : IAsyncDisposable
{
    public const string NotInstalled = "MariaDB: not run (mariadbd not installed; run ./test.sh first)";
    private const string User = "elsaflow";
    private const string Password = "elsaflow-bench";

    private readonly string _folder;
    private readonly int _port = FreePort();
    private Process? _process;

    private BenchMariaDb(string folder) => _folder = folder;

    private string Socket => Path.Combine(_folder, "mariadb.sock");

    public static string? FindServer() => Find("mariadbd", "/usr/sbin", "/usr/bin", "/usr/local/bin", "/usr/local/sbin");

    /// <summary>Starts a server in a new folder under <paramref name="parent"/>; null when mariadbd or mariadb-install-db is missing.</summary>
    public static async Task<BenchMariaDb?> StartAsync(string parent)
    {
        var mariadbd = FindServer();
        var installDb = Find("mariadb-install-db", "/usr/bin", "/usr/local/bin", "/usr/sbin");
        if (mariadbd is null || installDb is null) return null;
        var server = new BenchMariaDb(Directory.CreateDirectory(Path.Combine(parent, "mariadb")).FullName);
        var data = Path.Combine(server._folder, "data");
        string[] asUser = Environment.UserName == "root" ? ["--user=root"] : [];
        using (var install = Process.Start(Info(installDb, ["--no-defaults", $"--datadir={data}", .. asUser, "--auth-root-authentication-method=normal", "--skip-test-db"]))!)
        {
            await install.StandardOutput.ReadToEndAsync();
            await install.WaitForExitAsync();
            if (install.ExitCode != 0) throw new InvalidOperationException($"mariadb-install-db failed: {await install.StandardError.ReadToEndAsync()}");
        }
        server._process = Process.Start(Info(mariadbd,
        [
            "--no-defaults", $"--datadir={data}", .. asUser, "--bind-address=127.0.0.1", $"--port={server._port}", $"--socket={server.Socket}",
            $"--pid-file={Path.Combine(server._folder, "mariadb.pid")}", "--skip-name-resolve", "--skip-log-bin",
            "--innodb-flush-log-at-trx-commit=2", "--innodb-buffer-pool-size=64M", "--innodb-log-file-size=16M",
        ]))!;
        server._process.OutputDataReceived += (_, _) => { };
        server._process.ErrorDataReceived += (_, _) => { };
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();

        await using var root = await server.ConnectAsRootAsync();
        await using var command = root.CreateCommand();
        command.CommandText = $"CREATE USER '{User}'@'127.0.0.1' IDENTIFIED BY '{Password}'; GRANT ALL ON `elsaflow\\_%`.* TO '{User}'@'127.0.0.1';";
        await command.ExecuteNonQueryAsync();
        return server;
    }

    public string ConnectionString => new MySqlConnectionStringBuilder
    {
        Server = "127.0.0.1", Port = (uint)_port, UserID = User, Password = Password, Database = "elsaflow_bench",
    }.ConnectionString;

    public ValueTask DisposeAsync()
    {
        MySqlConnection.ClearAllPools();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process?.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<MySqlConnection> ConnectAsRootAsync()
    {
        var connectionString = new MySqlConnectionStringBuilder
        {
            Server = Socket, ConnectionProtocol = MySqlConnectionProtocol.UnixSocket, UserID = "root", Pooling = false,
        }.ConnectionString;
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process!.HasExited) throw new InvalidOperationException($"mariadbd exited with code {_process.ExitCode}");
            try
            {
                var connection = new MySqlConnection(connectionString);
                await connection.OpenAsync();
                return connection;
            }
            catch (MySqlException) when (deadline.Elapsed < TimeSpan.FromMinutes(1))
            {
                await Task.Delay(100);
            }
        }
    }

    private static ProcessStartInfo Info(string fileName, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        return info;
    }

    private static string? Find(string name, params string[] folders) =>
        folders.Select(f => Path.Combine(f, name)).FirstOrDefault(File.Exists);

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
