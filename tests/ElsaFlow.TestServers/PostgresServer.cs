using Npgsql;

namespace ElsaFlow.TestServers;

/// <summary>
/// A private PostgreSQL server for the test run: initdb into a temp dir, pg_ctl start on a free 127.0.0.1 port (as user
/// postgres when the tests run as root: initdb and postgres refuse root), a user "elsaflow" that may create databases;
/// stopped and deleted afterwards.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string User = "elsaflow";
    private const string Password = "elsaflow-test";
    private static readonly string[] Packages = ["postgresql-17", "postgresql-16", "postgresql-15"];
    private int _nextDatabase;
    private string? _pgCtl;

    public string Folder { get; } = Directory.CreateTempSubdirectory("elsaflow-postgres-").FullName;

    public int Port { get; } = ProcessRunner.FreePort();

    private string Data => Path.Combine(Folder, "data");

    public async Task InitializeAsync()
    {
        var initdb = ServerBinaries.Find("/bin/initdb", "PostgreSQL (initdb)", Packages);
        _pgCtl = Path.Combine(Path.GetDirectoryName(initdb)!, "pg_ctl");
        if (ServerBinaries.RunningAsRoot)
            ProcessRunner.Run("chown", "-R", "postgres:postgres", Folder);

        AsServerUser(initdb, "-D", Data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        AsServerUser(_pgCtl, "-D", Data, "-l", Path.Combine(Folder, "server.log"), "-w", "-t", "60", "-o",
            $"-c listen_addresses=127.0.0.1 -p {Port} -k {Folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=500", "start");

        await using var admin = new NpgsqlConnection(ConnectionString("postgres", "postgres", password: null));
        await admin.OpenAsync();
        await using var command = admin.CreateCommand();
        command.CommandText = $"CREATE USER {User} PASSWORD '{Password}' CREATEDB";
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A connection string to a database no test has used yet (created by the store's migration).</summary>
    public string NewDatabase() => ConnectionString($"elsaflow_{Interlocked.Increment(ref _nextDatabase)}", User, Password);

    /// <summary>Creates a fresh database owned by the test user and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var connectionString = NewDatabase();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using var admin = new NpgsqlConnection(ConnectionString("postgres", "postgres", password: null));
        await admin.OpenAsync();
        await using var command = admin.CreateCommand();
        command.CommandText = $"CREATE DATABASE {name} OWNER {User}";
        await command.ExecuteNonQueryAsync();
        return connectionString;
    }

    public Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_pgCtl is not null && File.Exists(Path.Combine(Data, "postmaster.pid")))
            AsServerUser(_pgCtl, "-D", Data, "-m", "immediate", "-w", "stop");
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    private string ConnectionString(string database, string user, string? password) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = Port, Database = database, Username = user, Password = password,
    }.ConnectionString;

    private static void AsServerUser(string program, params string[] arguments)
    {
        if (ServerBinaries.RunningAsRoot)
            ProcessRunner.Run("runuser", ["-u", "postgres", "--", program, .. arguments]);
        else
            ProcessRunner.Run(program, arguments);
    }
}
