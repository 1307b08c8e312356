using ElsaFlow.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaFlow.Benchmarks;

/// <summary>
/// The server hosted in process exactly as Program.cs hosts it (ElsaFlowServer.CreateBuilder/Build) on a free loopback
/// port over a given data folder, with a known admin key and quiet logs; stopped when disposed.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    public const string AdminKey = "bench-admin-key";

    private readonly WebApplication _app;

    private BenchServer(WebApplication app, string address)
    {
        _app = app;
        Address = address;
    }

    public string Address { get; }

    public static async Task<BenchServer> StartAsync(string dataFolder, params string[] extraArgs)
    {
        var app = ElsaFlowServer.Build(ElsaFlowServer.CreateBuilder(
        [
            "--urls", "http://127.0.0.1:0", $"--ElsaFlow:DataFolder={dataFolder}", $"--ElsaFlow:DataRoots:0={dataFolder}",
            "--ElsaFlow:WorkflowsFolder=", $"--ELSAFLOW_ADMIN_KEY={AdminKey}", "--Serilog:MinimumLevel:Default=Warning", .. extraArgs,
        ]));
        await app.StartAsync();
        return new BenchServer(app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <summary>An HTTP client for the server that sends the admin key.</summary>
    public HttpClient Client(TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = new Uri(Address), Timeout = timeout ?? TimeSpan.FromSeconds(100) };
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
