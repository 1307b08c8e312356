using System.Diagnostics;
using MySqlConnector;

namespace ElsaFlow.TestServers;

/// <summary>
/// A private MariaDB server for the test run: a fresh data folder in a temp dir (mariadb-install-db), mariadbd on a
/// free 127.0.0.1 port, a user "elsaflow" that owns the databases named elsaflow_*; stopped and deleted afterwards.
/// </summary>
public sealed class MariaDbServer : IAsyncLifetime
{
    private const string User = "elsaflow";
    private const string Password = "elsaflow-test";
    private int _nextDatabase;
    private Process? _process;

    public string Folder { get; } = Directory.CreateTempSubdirectory("elsaflow-mariadb-").FullName;

    public int Port { get; } = ProcessRunner.FreePort();

    private string Socket => Path.Combine(Folder, "mariadb.sock");

    private string LogPath => Path.Combine(Folder, "server.log");

    public async Task InitializeAsync()
    {
        var mariadbd = ServerBinaries.Find("/mariadbd", "The MariaDB server (mariadbd)", "mariadb-server-core", "mariadb-server");
        var installDb = ServerBinaries.Find("/mariadb-install-db", "mariadb-install-db", "mariadb-server", "mariadb-server-core");
        var data = Path.Combine(Folder, "data");
        string[] asUser = ServerBinaries.RunningAsRoot ? ["--user=root"] : [];

        ProcessRunner.Run(installDb, ["--no-defaults", $"--datadir={data}", .. asUser, "--auth-root-authentication-method=normal", "--skip-test-db"]);
        await using var root = await StartAsync();
        await using var command = root.CreateCommand();
        command.CommandText = $"""
            CREATE USER '{User}'@'127.0.0.1' IDENTIFIED BY '{Password}';
            GRANT ALL ON `elsaflow\_%`.* TO '{User}'@'127.0.0.1';
            """;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Starts mariadbd on the data folder (again, after <see cref="Kill"/>) and waits until root can connect.</summary>
    public async Task<MySqlConnection> StartAsync()
    {
        var mariadbd = ServerBinaries.Find("/mariadbd", "The MariaDB server (mariadbd)", "mariadb-server-core", "mariadb-server");
        string[] asUser = ServerBinaries.RunningAsRoot ? ["--user=root"] : [];
        _process?.Dispose();
        _process = ServerBinaries.Start(mariadbd,
        [
            "--no-defaults", $"--datadir={Path.Combine(Folder, "data")}", .. asUser, "--bind-address=127.0.0.1", $"--port={Port}", $"--socket={Socket}",
            $"--pid-file={Path.Combine(Folder, "mariadb.pid")}", "--skip-name-resolve", "--skip-log-bin", "--local-infile=1",
            "--innodb-flush-log-at-trx-commit=2", "--innodb-buffer-pool-size=64M", "--innodb-log-file-size=16M",
        ], LogPath);
        return await ConnectAsRootAsync();
    }

    /// <summary>Kills the server as a crash would (SIGKILL), for tests of what clients do when it dies.</summary>
    public void Kill()
    {
        if (_process is not { HasExited: false }) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    /// <summary>A connection string as the test user but with a wrong password.</summary>
    public string WrongPassword(string connectionString) =>
        new MySqlConnectionStringBuilder(connectionString) { Password = "not-the-password" }.ConnectionString;

    /// <summary>A connection string to a database no test has used yet (created by the store's migration).</summary>
    public string NewDatabase() => new MySqlConnectionStringBuilder
    {
        Server = "127.0.0.1",
        Port = (uint)Port,
        UserID = User,
        Password = Password,
        Database = $"elsaflow_{Interlocked.Increment(ref _nextDatabase)}",
    }.ConnectionString;

    public Task DisposeAsync()
    {
        MySqlConnection.ClearAllPools();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process?.Dispose();
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Waits (up to a minute) until root can connect over the socket; fails with the server log if it died.</summary>
    private async Task<MySqlConnection> ConnectAsRootAsync()
    {
        var connectionString = new MySqlConnectionStringBuilder
        {
            Server = Socket, ConnectionProtocol = MySqlConnectionProtocol.UnixSocket, UserID = "root", Pooling = false,
        }.ConnectionString;
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process!.HasExited)
                throw new InvalidOperationException($"mariadbd exited with code {_process.ExitCode}:\n{await File.ReadAllTextAsync(LogPath)}");
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
}
