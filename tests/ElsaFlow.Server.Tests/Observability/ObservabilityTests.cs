using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ElsaFlow.Server.Tests.Support;

namespace ElsaFlow.Server.Tests.Observability;

public sealed partial class ObservabilityTests(ServerFixture fixture) : IClassFixture<ServerFixture>, IAsyncLifetime
{
    private ObservedServer _server = null!;

    public Task InitializeAsync()
    {
        _server = new ObservedServer(fixture);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Metrics_AfterARun_ShowTheMetricsAndAFinishedCountThatMoved()
    {
        await PublishAsync(Flows.Hello("metered"));
        var before = FinishedTransitions(await ScrapeAsync());

        (await _server.Admin.PostAsJsonAsync("/api/workflows/metered/execute", new JsonObject())).EnsureSuccessStatusCode();
        var after = await WaitForAsync(async () => await ScrapeAsync(), text => FinishedTransitions(text) > before);

        Assert.Contains("elsaflow_instances{status=\"Finished\"}", after);
        Assert.Contains("elsaflow_queue_depth ", after);
        Assert.Contains("elsaflow_activity_duration_seconds_bucket{activity_type=\"Log\",outcome=\"completed\",le=\"+Inf\"}", after);
        Assert.Contains("elsaflow_activity_duration_seconds_count{activity_type=\"Log\",outcome=\"completed\"}", after);
    }

    [Fact]
    public async Task Webhook_InstanceFaults_IsPostedWithInstanceActivityAndError()
    {
        await PublishAsync(Flows.Faulting);

        var run = await HttpAssert.Json(await _server.Admin.PostAsJsonAsync("/api/workflows/faulting/execute", new JsonObject()));
        var id = run["instanceId"]!.GetValue<string>();
        var request = await WaitForAsync(() => Task.FromResult(_server.Webhook.Requests.FirstOrDefault(r => r.Body.Contains(id, StringComparison.Ordinal))),
            r => r.Body is not null);

        var notice = JsonNode.Parse(request.Body)!;
        Assert.Equal(ObservedServer.WebhookUrl, request.Url.ToString());
        Assert.Equal("faulting", notice["definitionId"]!.GetValue<string>());
        Assert.Equal("boom", notice["activityId"]!.GetValue<string>());
        Assert.Contains("boom", notice["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private async Task<string> ScrapeAsync()
    {
        var response = await _server.Anonymous.GetAsync("/metrics");
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    private static long FinishedTransitions(string metrics) =>
        long.Parse(FinishedLine().Match(metrics).Groups[1].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex("""^elsaflow_instance_transitions_total\{status="Finished"\} (\d+)$""", RegexOptions.Multiline)]
    private static partial Regex FinishedLine();

    private async Task PublishAsync(string json)
    {
        var document = JsonNode.Parse(json)!.AsObject();
        var id = document["definitionId"]!.GetValue<string>();
        (await _server.Admin.PostAsJsonAsync("/api/workflows", document)).EnsureSuccessStatusCode();
        (await _server.Admin.PostAsync($"/api/workflows/{id}/publish", null)).EnsureSuccessStatusCode();
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var value = await read();
        for (var i = 0; i < 100 && (value is null || !done(value)); i++)
        {
            await Task.Delay(100);
            value = await read();
        }
        Assert.True(value is not null && done(value), $"waited 10 s, last seen: {value}");
        return value!;
    }
}
