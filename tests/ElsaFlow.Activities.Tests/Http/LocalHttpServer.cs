using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ElsaFlow.Activities.Tests.Http;

/// <summary>
/// A real Kestrel server on 127.0.0.1 with a free port, serving a paged list of items (page, offset and cursor styles)
/// and recording the batches POSTed to it. <see cref="FailNext"/> makes the next answers of /batches a given status.
/// </summary>
public sealed class LocalHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _failures = new();

    private LocalHttpServer(WebApplication app) => _app = app;

    /// <summary>The items served: ids 1..7, name item1..item7.</summary>
    public static readonly List<JsonObject> Items = Enumerable.Range(1, 7).Select(i => new JsonObject { ["id"] = i, ["name"] = $"item{i}" }).ToList();

    public string BaseUrl { get; private set; } = "";
    public ConcurrentQueue<string> Requests { get; } = new();
    public ConcurrentQueue<JsonArray> Batches { get; } = new();
    public ConcurrentQueue<Dictionary<string, string>> BatchHeaders { get; } = new();

    /// <summary>How many batches /batches accepts before the queued failures (<see cref="FailNext"/>) are answered.</summary>
    public int FailAfter { get; set; }

    /// <summary>Answers the next <paramref name="count"/> requests of /batches (after <see cref="FailAfter"/> good ones) and /flaky with <paramref name="status"/>.</summary>
    public void FailNext(int count, int status)
    {
        for (var i = 0; i < count; i++) _failures.Enqueue(status);
    }

    public static async Task<LocalHttpServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new LocalHttpServer(app);
        app.Use(async (context, next) =>
        {
            server.Requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
            await next();
        });
        // page=N (from 1), size 3 per page; an empty page past the end.
        app.MapGet("/paged", (int page) => new JsonObject { ["data"] = new JsonObject { ["items"] = Slice((page - 1) * 3, 3) } });
        app.MapGet("/offset", (int offset, int limit) => new JsonObject { ["rows"] = Slice(offset, limit) });
        // cursor = index of the next item; the next cursor is null after the last page.
        app.MapGet("/cursor", (string? cursor) =>
        {
            var start = int.Parse(cursor ?? "0");
            return new JsonObject { ["items"] = Slice(start, 3), ["meta"] = new JsonObject { ["next"] = start + 3 < Items.Count ? (start + 3).ToString() : null } };
        });
        app.MapPost("/search", async (HttpRequest request) =>
        {
            var body = await JsonNode.ParseAsync(request.Body);
            var prefix = body!["prefix"]!.GetValue<string>();
            if (request.Headers.Authorization != "Bearer secret") return Results.Json(new { error = "no token" }, statusCode: 401);
            return Results.Json(new JsonArray(Items.Where(i => i["name"]!.GetValue<string>().EndsWith(prefix)).Select(i => (JsonNode?)i.DeepClone()).ToArray()));
        });
        app.MapGet("/flaky", () => server._failures.TryDequeue(out var status) ? Results.StatusCode(status) : Results.Json(Slice(0, 2)));
        app.MapPost("/batches", async (HttpRequest request) =>
        {
            var batch = (await JsonNode.ParseAsync(request.Body))!.AsArray();
            if (server.Batches.Count >= server.FailAfter && server._failures.TryDequeue(out var status)) return Results.StatusCode(status);
            server.Batches.Enqueue(batch);
            server.BatchHeaders.Enqueue(request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
            return Results.Ok();
        });
        app.MapPost("/reject", () => Results.Text("{\"error\": \"field 'amount' must be positive\"}", "application/json", statusCode: 422));
        await app.StartAsync();
        server.BaseUrl = app.Urls.Single().TrimEnd('/');
        return server;
    }

    private static JsonArray Slice(int start, int count) =>
        new(Items.Skip(start).Take(count).Select(i => (JsonNode?)i.DeepClone()).ToArray());

    /// <summary>A URL on which nothing listens: a port that was free a moment ago.</summary>
    public static string UnusedUrl()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}/nothing";
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
