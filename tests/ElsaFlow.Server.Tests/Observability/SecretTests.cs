using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ElsaFlow.Server.Tests.Support;

namespace ElsaFlow.Server.Tests.Observability;

/// <summary>A secret given to a sensitive input (a literal in the flow, or a workflow input feeding it) shows nowhere.</summary>
public sealed class SecretTests(ServerFixture fixture) : IClassFixture<ServerFixture>, IAsyncLifetime
{
    private const string Literal = "lit3ral-s3cret";
    private const string Given = "giv3n-s3cret";

    private ObservedServer _server = null!;

    public Task InitializeAsync()
    {
        _server = new ObservedServer(fixture);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task SensitiveInputs_LiteralAndFromWorkflowInput_ShowNowhere()
    {
        var document = JsonNode.Parse(Flows.HttpWithSecrets)!.AsObject();
        var answers = new List<string>
        {
            await ReadAsync(await _server.Admin.PostAsJsonAsync("/api/workflows", document)),
            await ReadAsync(await _server.Admin.PostAsync("/api/workflows/http-secrets/publish", null)),
        };

        var executed = await _server.Admin.PostAsJsonAsync("/api/workflows/http-secrets/execute", new JsonObject { ["token"] = Given });
        var run = await ReadAsync(executed);
        var dispatched = await ReadAsync(await _server.Admin.PostAsJsonAsync("/api/workflows/http-secrets/dispatch", new JsonObject { ["token"] = Given }));
        answers.Add(run);
        answers.Add(dispatched);
        var ids = new[] { JsonNode.Parse(run)!["instanceId"]!.GetValue<string>(), JsonNode.Parse(dispatched)!["instanceId"]!.GetValue<string>() };
        foreach (var id in ids)
        {
            await _server.WaitUntilEndedAsync(id);
            answers.Add(await _server.Admin.GetStringAsync($"/api/instances/{id}"));
            answers.Add(await _server.Admin.GetStringAsync($"/api/instances/{id}/journal"));
            answers.Add(await _server.Admin.GetStringAsync($"/api/instances/{id}/logs"));
        }
        answers.Add(await _server.Admin.GetStringAsync("/api/instances?definition=http-secrets"));
        answers.Add(await _server.Admin.GetStringAsync("/api/workflows/http-secrets"));
        answers.Add(await _server.Admin.GetStringAsync("/api/workflows"));
        answers.Add(await _server.Anonymous.GetStringAsync("/metrics"));
        await WaitForWebhookAsync(ids);
        answers.AddRange(_server.Webhook.Requests.Select(r => r.Body));

        Assert.Contains(answers, a => a.Contains("Faulted", StringComparison.Ordinal));
        foreach (var secret in new[] { Literal, Given })
        {
            Assert.All(answers, a => Assert.DoesNotContain(secret, a, StringComparison.Ordinal));
            Assert.All(_server.Logs.Lines, l => Assert.DoesNotContain(secret, l, StringComparison.Ordinal));
        }
    }

    /// <summary>The fault webhook is called by the live pump after it wrote the instance's log lines: once both are posted, the log is complete.</summary>
    private async Task WaitForWebhookAsync(IEnumerable<string> ids)
    {
        for (var i = 0; i < 100 && !ids.All(id => _server.Webhook.Requests.Any(r => r.Body.Contains(id, StringComparison.Ordinal))); i++) await Task.Delay(100);
        Assert.True(ids.All(id => _server.Webhook.Requests.Any(r => r.Body.Contains(id, StringComparison.Ordinal))), "no fault webhook for every instance");
    }

    private static async Task<string> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return body;
    }
}
