using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ElsaFlow.Server.Auth;
using ElsaFlow.Server.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaFlow.Server.Tests.Observability;

/// <summary>
/// The secret scan (issue 10, item 9): flows that pass a sensitive input into a sub-flow, concatenate it into a variable,
/// send it as a header to a real server and write it into log and fault messages run through the real API; then every
/// answer about them, as viewer and as admin, the live hub, the server log and the fault webhook are searched for the
/// secret's text. The flows must still have used the real value.
/// </summary>
public sealed class SecretScanTests(ServerFixture fixture) : IClassFixture<ServerFixture>, IAsyncLifetime
{
    private const string Secret = "tok-9f3a71c2e5";

    private ObservedServer _server = null!;
    private EchoServer _echo = null!;
    private HttpClient _viewer = null!;

    public async Task InitializeAsync()
    {
        _server = new ObservedServer(fixture);
        _echo = await EchoServer.StartAsync();
        var keys = _server.Factory.Services.GetRequiredService<IApiKeyStore>();
        _viewer = _server.Factory.CreateClient();
        _viewer.DefaultRequestHeaders.Add("X-Api-Key", (await keys.CreateAsync("scan-viewer", ApiRole.Viewer)).Secret);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _echo.DisposeAsync();
    }

    [Fact]
    public async Task SensitiveInput_DerivedValuesEverywhere_SecretTextNeverShown()
    {
        var live = new ConcurrentQueue<string>();
        await using var hub = _server.Hub();
        foreach (var kind in new[] { "StatusChanged", "Journal", "Log" }) hub.On<JsonElement>(kind, body => live.Enqueue(body.GetRawText()));
        await hub.StartAsync();
        await hub.InvokeAsync("SubscribeAll");
        foreach (var flow in new[] { SecretFlows.Child, SecretFlows.Parent(_echo.BaseUrl), SecretFlows.Faulting(_echo.BaseUrl) }) await PublishAsync(flow);
        var answers = new List<string>();

        var parent = await ExecuteAsync("secret-parent", answers);
        var faulting = await ExecuteAsync("secret-faulting", answers);
        var dispatched = JsonNode.Parse(await ReadAsync(await _server.Admin.PostAsJsonAsync("/api/workflows/secret-parent/dispatch", Inputs())))!;
        await _server.WaitUntilEndedAsync(dispatched["instanceId"]!.GetValue<string>());

        Assert.Equal("Finished", parent["status"]!.GetValue<string>());
        Assert.Equal("Faulted", faulting["status"]!.GetValue<string>());
        Assert.Contains($"Bearer {Secret}", _echo.Authorizations);
        var instances = JsonNode.Parse(await _server.Admin.GetStringAsync("/api/instances?take=500"))!["items"]!.AsArray()
            .Select(i => i!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(5, instances.Count); // two parents with a child each, and the faulting flow
        await WaitForWebhookAsync(faulting["instanceId"]!.GetValue<string>());
        foreach (var client in new[] { _viewer, _server.Admin })
        {
            answers.Add(await client.GetStringAsync("/api/instances?take=500"));
            foreach (var id in instances)
                foreach (var path in new[] { "", "/journal", "/logs", "/files" })
                    answers.Add(await client.GetStringAsync($"/api/instances/{id}{path}"));
        }
        answers.AddRange(_server.Webhook.Requests.Select(r => r.Body));

        var shown = string.Join("\n", answers.Concat(live).Concat(_server.Logs.Lines));
        Assert.Contains("Bearer ***", shown); // the derived value is there, redacted
        Assert.Contains("child has ***", shown);
        Assert.DoesNotContain(Secret, shown, StringComparison.Ordinal);
        Assert.DoesNotContain(Uri.EscapeDataString(Secret), shown, StringComparison.Ordinal);
        Assert.Contains(live, l => l.Contains("child has ***", StringComparison.Ordinal));
        Assert.Contains(_server.Logs.Lines, l => l.Contains("called with ***", StringComparison.Ordinal));
    }

    private static JsonObject Inputs() => new() { ["token"] = Secret };

    private async Task PublishAsync(string json)
    {
        var document = JsonNode.Parse(json)!.AsObject();
        await ReadAsync(await _server.Admin.PostAsJsonAsync("/api/workflows", document));
        await ReadAsync(await _server.Admin.PostAsync($"/api/workflows/{document["definitionId"]}/publish", null));
    }

    private async Task<JsonNode> ExecuteAsync(string definitionId, List<string> answers)
    {
        var body = await ReadAsync(await _server.Admin.PostAsJsonAsync($"/api/workflows/{definitionId}/execute", Inputs()));
        answers.Add(body);
        return JsonNode.Parse(body)!;
    }

    // The webhook is told after the live pump wrote the instance's log lines, so the server log is complete once it was called.
    private async Task WaitForWebhookAsync(string id)
    {
        for (var i = 0; i < 100 && !_server.Webhook.Requests.Any(r => r.Body.Contains(id, StringComparison.Ordinal)); i++) await Task.Delay(100);
        Assert.Contains(_server.Webhook.Requests, r => r.Body.Contains(id, StringComparison.Ordinal));
        await Task.Delay(300); // the hub's long polling delivers the last messages
    }

    private static async Task<string> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return body;
    }
}
