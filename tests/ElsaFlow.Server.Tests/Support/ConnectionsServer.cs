using ElsaFlow.Activities.Connections;
using ElsaFlow.Server.Auth;
using ElsaFlow.TestServers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace ElsaFlow.Server.Tests.Support;

/// <summary>
/// The server with a real MariaDB beside it, the test plugin (UseConnection), a probe of kind mysql-test and a captured log, for
/// the named connections tests. Keys of every role; the data folder and key ring are temporary.
/// </summary>
public sealed class ConnectionsServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("elsaflow-connections").FullName;

    public MariaDbServer MariaDb { get; } = new();
    public CapturedLogs Logs { get; } = new();
    public string DataFolder => Path.Combine(_folder, ".elsaflow");
    public string KeyRing => Path.Combine(_folder, "key-ring");
    public string DatabasePath => Path.Combine(DataFolder, "elsaflow.db");

    public HttpClient Admin { get; private set; } = null!;
    public HttpClient Operator { get; private set; } = null!;
    public HttpClient Viewer { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var data = Directory.CreateDirectory(Path.Combine(_folder, "data")).FullName;
        builder.UseSetting("ElsaFlow:DataFolder", DataFolder);
        builder.UseSetting("ElsaFlow:DataRoots:0", data);
        builder.UseSetting("ElsaFlow:WorkflowsFolder", "");
        builder.UseSetting("ElsaFlow:ExecuteTimeout", "00:00:20");
        builder.UseSetting("ElsaFlow:PluginsFolder", Path.Combine(AppContext.BaseDirectory, "plugins"));
        builder.UseSetting("ElsaFlow:Connections:KeyRing", KeyRing);
        builder.UseSetting("ELSAFLOW_ADMIN_KEY", ServerFixture.AdminKey);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ILogEventSink>(Logs);
            services.AddSingleton<IConnectionProbe, MySqlTestProbe>();
        });
    }

    public async Task InitializeAsync()
    {
        await MariaDb.InitializeAsync();
        Admin = ClientWithKey(ServerFixture.AdminKey);
        var keys = Services.GetRequiredService<IApiKeyStore>();
        Operator = ClientWithKey((await keys.CreateAsync("operator", ApiRole.Operator)).Secret);
        Viewer = ClientWithKey((await keys.CreateAsync("viewer", ApiRole.Viewer)).Secret);
    }

    public HttpClient ClientWithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await MariaDb.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* a file still held by a closing connection: the OS cleans temp */ }
    }
}
