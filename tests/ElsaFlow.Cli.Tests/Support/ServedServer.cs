using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ElsaFlow.Cli.Tests.Support;

/// <summary>
/// <c>elsaflow serve --urls http://127.0.0.1:0</c> as a child process over its own workspace, with a known admin key;
/// the URL comes from the startup banner. It can be killed (SIGKILL) and started again over the same folder. Killed
/// when disposed.
/// </summary>
public sealed partial class ServedServer : IAsyncLifetime
{
    public const string AdminKey = "cli-test-admin-key";

    private readonly CliWorkspace _workspace = new();
    private readonly string[] _settings;
    private Process? _process;

    public ServedServer() : this([]) { }

    private ServedServer(string[] settings) => _settings = settings;

    /// <summary>A server with extra host settings, e.g. <c>--ElsaFlow:LeaseDuration=00:00:03</c>.</summary>
    public static ServedServer With(params string[] settings) => new(settings);

    public string Url { get; private set; } = "";
    public string DataFolder => _workspace.StoreFolder;
    public CliWorkspace Workspace => _workspace;

    public Task InitializeAsync() => StartAsync();

    public async Task StartAsync()
    {
        _workspace.Environment["ELSAFLOW_ADMIN_KEY"] = AdminKey;
        _process = _workspace.Start(["serve", "--urls", "http://127.0.0.1:0", .. _settings]);
        var seen = await CliWorkspace.ReadUntilAsync(_process, "ElsaFlow is running");
        Url = Banner().Match(seen).Groups[1].Value;
        // Keep draining the server's output so its log lines never fill the pipe and block it.
        _ = _process.StandardOutput.ReadToEndAsync();
        _ = _process.StandardError.ReadToEndAsync();
    }

    /// <summary>Kills the process at once, as a power cut or the OOM killer would: nothing is flushed or drained.</summary>
    public async Task KillAsync()
    {
        if (_process is not { HasExited: false }) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        return client;
    }

    /// <summary>Creates and publishes a flow through the API; returns its id.</summary>
    public async Task<string> PublishAsync(string json)
    {
        using var client = Client();
        var document = JsonNode.Parse(json)!.AsObject();
        var id = document["definitionId"]!.GetValue<string>();
        (await client.PostAsJsonAsync("/api/workflows", document)).EnsureSuccessStatusCode();
        (await client.PostAsync($"/api/workflows/{id}/publish", null)).EnsureSuccessStatusCode();
        return id;
    }

    [GeneratedRegex(@"ElsaFlow is running: open (\S+)/studio")]
    private static partial Regex Banner();

    public async Task DisposeAsync()
    {
        await KillAsync();
        _workspace.Dispose();
    }
}
