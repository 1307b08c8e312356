using System.Diagnostics;

namespace ElsaFlow.TestServers;

/// <summary>
/// A private ClickHouse server for the test run (Debian's clickhouse-server, 18.16): a config and data folder in a temp
/// dir, HTTP and native ports free on 127.0.0.1, user "default" with a password; killed and deleted afterwards.
/// </summary>
public sealed class ClickHouseServer : IAsyncLifetime
{
    public const string Password = "elsaflow-test";
    private Process? _process;

    public string Folder { get; } = Directory.CreateTempSubdirectory("elsaflow-clickhouse-").FullName;

    public int HttpPort { get; } = ProcessRunner.FreePort();

    private int TcpPort { get; } = ProcessRunner.FreePort();

    /// <summary>A connection string for the HTTP interface, as ClickHouseInput and ClickHouseOutput take it.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={HttpPort};Username=default;Password={Password}";

    public async Task InitializeAsync()
    {
        var server = ServerBinaries.Find("bin/clickhouse-server", "The ClickHouse server (clickhouse-server)", "clickhouse-server");
        await File.WriteAllTextAsync(Path.Combine(Folder, "config.xml"), $"""
            <?xml version="1.0"?>
            <yandex>
              <logger><level>warning</level><log>{Folder}/server.log</log><errorlog>{Folder}/error.log</errorlog><console>0</console></logger>
              <http_port>{HttpPort}</http_port>
              <tcp_port>{TcpPort}</tcp_port>
              <listen_host>127.0.0.1</listen_host>
              <path>{Folder}/data/</path>
              <tmp_path>{Folder}/tmp/</tmp_path>
              <user_files_path>{Folder}/user_files/</user_files_path>
              <format_schema_path>{Folder}/format_schemas/</format_schema_path>
              <users_config>users.xml</users_config>
              <default_profile>default</default_profile>
              <default_database>default</default_database>
              <mark_cache_size>5368709</mark_cache_size>
            </yandex>
            """);
        await File.WriteAllTextAsync(Path.Combine(Folder, "users.xml"), $"""
            <?xml version="1.0"?>
            <yandex>
              <profiles><default></default></profiles>
              <users><default><password>{Password}</password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default></users>
              <quotas><default></default></quotas>
            </yandex>
            """);
        _process = ServerBinaries.Start(server, [$"--config-file={Path.Combine(Folder, "config.xml")}"], Path.Combine(Folder, "console.log"));

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"clickhouse-server exited with code {_process.ExitCode}:\n{ErrorLog()}");
            try
            {
                if ((await client.GetStringAsync($"http://127.0.0.1:{HttpPort}/ping")).StartsWith("Ok", StringComparison.Ordinal)) return;
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromMinutes(1))
            {
            }
            await Task.Delay(200);
        }
    }

    /// <summary>Runs a statement as the default user (for setting up and checking tables); returns the answer's text.</summary>
    public async Task<string> QueryAsync(string sql)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{HttpPort}/") { Content = new StringContent(sql) };
        request.Headers.Add("X-ClickHouse-User", "default");
        request.Headers.Add("X-ClickHouse-Key", Password);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"ClickHouse: {text}");
        return text;
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process?.Dispose();
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    private string ErrorLog() => string.Join("\n", new[] { "error.log", "console.log" }.Select(f => Path.Combine(Folder, f)).Where(File.Exists).Select(File.ReadAllText));
}
