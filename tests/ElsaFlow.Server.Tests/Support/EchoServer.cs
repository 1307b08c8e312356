using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace ElsaFlow.Server.Tests.Support;

/// <summary>A real Kestrel server on 127.0.0.1 that answers every request with the Authorization header it received, and records it.</summary>
public sealed class EchoServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EchoServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";
    public ConcurrentQueue<string> Authorizations { get; } = new();

    public static async Task<EchoServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new EchoServer(app);
        app.Map("/{**path}", (Microsoft.AspNetCore.Http.HttpRequest request) =>
        {
            var authorization = request.Headers.Authorization.ToString();
            server.Authorizations.Enqueue(authorization);
            return new JsonObject { ["youSent"] = authorization };
        });
        await app.StartAsync();
        server.BaseUrl = app.Urls.Single().TrimEnd('/');
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
