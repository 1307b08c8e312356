using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ElsaFlow.Server.Auth;
using ElsaFlow.Server.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaFlow.Server.Tests.Live;

public sealed class InstancesHubTests(ServerFixture fixture) : IClassFixture<ServerFixture>, IAsyncLifetime
{
    private ObservedServer _server = null!;

    public Task InitializeAsync()
    {
        _server = new ObservedServer(fixture);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Subscribe_RunningFlow_ReceivesStatusChangesJournalAndLogLines()
    {
        await PublishAsync(Flows.Hello("live"));
        var messages = new ConcurrentQueue<(string Kind, JsonElement Body)>();
        await using var hub = _server.Hub();
        foreach (var kind in new[] { "StatusChanged", "Journal", "Log" }) hub.On<JsonElement>(kind, body => messages.Enqueue((kind, body)));
        await hub.StartAsync();
        await hub.InvokeAsync("SubscribeAll");

        var id = await DispatchAsync("live", new JsonObject { ["who"] = "hub" });
        await WaitUntil(() => messages.Any(m => m.Kind == "StatusChanged" && Is(m.Body, id, "status", "Finished")), "Finished status");

        var mine = messages.Where(m => m.Body.GetProperty("instanceId").GetString() == id).ToList();
        Assert.Contains(mine, m => m.Kind == "Log" && m.Body.GetProperty("message").GetString() == "hello hub");
        Assert.Contains(mine, m => m.Kind == "Journal" && m.Body.GetProperty("kind").GetString() == "ActivityCompleted");
        Assert.Contains(mine, m => m.Kind == "StatusChanged" && m.Body.GetProperty("definitionId").GetString() == "live");
    }

    [Fact]
    public async Task Subscribe_OneInstance_ReceivesOnlyThatInstance()
    {
        await PublishAsync(Flows.Pause);
        var waiting = await DispatchAsync("approval", null);
        var other = await DispatchAsync("approval", null);
        var statuses = new ConcurrentQueue<JsonElement>();
        await using var hub = _server.Hub();
        hub.On<JsonElement>("StatusChanged", statuses.Enqueue);
        await hub.StartAsync();
        await hub.InvokeAsync("Subscribe", waiting);
        await WaitForStatus(waiting, "Suspended");
        await WaitForStatus(other, "Suspended");

        await _server.Admin.PostAsync($"/api/instances/{other}/cancel", null);
        var bookmark = await FirstBookmarkAsync(waiting);
        (await _server.Admin.PostAsJsonAsync($"/api/instances/{waiting}/resume", new { bookmarkId = bookmark, payload = new { by = "me" } })).EnsureSuccessStatusCode();
        await WaitUntil(() => statuses.Any(s => Is(s, waiting, "status", "Finished")), "Finished status of the subscribed instance");

        Assert.DoesNotContain(statuses, s => s.GetProperty("instanceId").GetString() == other);
    }

    [Fact]
    public async Task Connect_AccessTokenInQuery_IsAcceptedAndRedactedInTheRequestLog()
    {
        var secret = (await _server.Factory.Services.GetRequiredService<IApiKeyStore>().CreateAsync("browser", ApiRole.Viewer)).Secret;
        await using var hub = _server.Hub("?access_token=" + Uri.EscapeDataString(secret), key: null);

        await hub.StartAsync();
        await hub.InvokeAsync("SubscribeAll");

        await _server.Logs.WaitForAsync(e => e.Properties.TryGetValue("RequestPath", out var path) && path.ToString() == "\"/hubs/instances/negotiate\"",
            "for the negotiate request");
        Assert.Contains(_server.Logs.Lines, l => l.Contains("access_token=***", StringComparison.Ordinal));
        Assert.DoesNotContain(_server.Logs.Lines, l => l.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Connect_WithoutKey_IsRefused()
    {
        await using var hub = _server.Hub(key: null);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync());

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task Log_InstanceLogLine_IsInTheServerLogWithInstanceAndActivityIds()
    {
        await PublishAsync(Flows.Hello("logged"));
        var id = await DispatchAsync("logged", new JsonObject { ["who"] = "serilog" });

        var line = await _server.Logs.WaitForAsync(e => e.RenderMessage().Contains("hello serilog", StringComparison.Ordinal), "with the flow's log line");

        Assert.Equal($"\"{id}\"", line.Properties["InstanceId"].ToString());
        Assert.Equal("\"greet\"", line.Properties["ActivityId"].ToString());
    }

    private static bool Is(JsonElement body, string instanceId, string property, string value) =>
        body.GetProperty("instanceId").GetString() == instanceId && body.GetProperty(property).GetString() == value;

    private async Task PublishAsync(string json)
    {
        var document = JsonNode.Parse(json)!.AsObject();
        var id = document["definitionId"]!.GetValue<string>();
        (await _server.Admin.PostAsJsonAsync("/api/workflows", document)).EnsureSuccessStatusCode();
        (await _server.Admin.PostAsync($"/api/workflows/{id}/publish", null)).EnsureSuccessStatusCode();
    }

    private async Task<string> DispatchAsync(string definitionId, JsonObject? inputs)
    {
        var response = await _server.Admin.PostAsJsonAsync($"/api/workflows/{definitionId}/dispatch", inputs ?? new JsonObject());
        return (await HttpAssert.Json(response, System.Net.HttpStatusCode.Accepted))["instanceId"]!.GetValue<string>();
    }

    private async Task<string> FirstBookmarkAsync(string instanceId)
    {
        var details = await HttpAssert.Json(await _server.Admin.GetAsync($"/api/instances/{instanceId}"));
        return details["bookmarks"]![0]!["id"]!.GetValue<string>();
    }

    private async Task WaitForStatus(string instanceId, string status) => await WaitUntilAsync(async () =>
        (await HttpAssert.Json(await _server.Admin.GetAsync($"/api/instances/{instanceId}")))["instance"]!["status"]!.GetValue<string>() == status, status);

    private static Task WaitUntil(Func<bool> condition, string what) => WaitUntilAsync(() => Task.FromResult(condition()), what);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        for (var i = 0; i < 150; i++)
        {
            if (await condition()) return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"waited 15 s for {what}");
    }
}
