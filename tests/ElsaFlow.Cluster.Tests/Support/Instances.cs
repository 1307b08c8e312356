using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ElsaFlow.Cluster.Tests.Support;

/// <summary>Starting and following instances through a master's API.</summary>
public static partial class Instances
{
    public static async Task<string> DispatchAsync(HttpClient client, string definitionId, JsonObject? inputs = null)
    {
        var response = await client.PostAsJsonAsync($"/api/workflows/{definitionId}/dispatch", inputs ?? new JsonObject());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!.GetValue<string>();
    }

    /// <summary>Polls until the instance ended; fails with the nodes' logs when it did not within <paramref name="within"/>.</summary>
    public static async Task<JsonObject> WaitForEndAsync(HttpClient client, string instanceId, ClusterFixture cluster, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(120));
        while (true)
        {
            var response = await client.GetAsync($"/api/instances/{instanceId}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var details = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
                if (details["instance"]!["status"]!.GetValue<string>() is "Finished" or "Faulted" or "Cancelled") return details;
            }
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"instance {instanceId} did not end in time ({response.StatusCode}: {await response.Content.ReadAsStringAsync()})\n{cluster.Logs()}");
            await Task.Delay(200);
        }
    }

    public static string Status(JsonObject details) => details["instance"]!["status"]!.GetValue<string>();

    public static async Task<JsonArray> JournalAsync(HttpClient client, string instanceId) =>
        (await client.GetFromJsonAsync<JsonArray>($"/api/instances/{instanceId}/journal"))!;

    public static async Task<JsonArray> LogsAsync(HttpClient client, string instanceId) =>
        (await client.GetFromJsonAsync<JsonArray>($"/api/instances/{instanceId}/logs"))!;

    /// <summary>Which process ran each WhoRuns activity, from its "ran on pid N" log lines: activity id -> process ids.</summary>
    public static async Task<Dictionary<string, HashSet<int>>> RunnersAsync(HttpClient client, string instanceId)
    {
        var runners = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        foreach (var line in await LogsAsync(client, instanceId))
        {
            var match = RanOn().Match(line!["message"]!.GetValue<string>());
            if (!match.Success) continue;
            var activity = line["activityId"]!.GetValue<string>();
            if (!runners.TryGetValue(activity, out var pids)) runners[activity] = pids = [];
            pids.Add(int.Parse(match.Groups[1].Value));
        }
        return runners;
    }

    public static int Count(JsonArray journal, string kind, string? activityId = null) =>
        journal.Count(e => e!["kind"]!.GetValue<string>() == kind && (activityId is null || e["activityId"]?.GetValue<string>() == activityId));

    /// <summary>The node of every completion of the activity, as the journal recorded it.</summary>
    public static IEnumerable<string> Nodes(JsonArray journal, string activityId) =>
        journal.Where(e => e!["kind"]!.GetValue<string>() == "ActivityCompleted" && e["activityId"]?.GetValue<string>() == activityId)
            .Select(e => e!["nodeId"]?.GetValue<string>() ?? "(none)");

    [GeneratedRegex(@"^ran on pid (\d+)$")]
    private static partial Regex RanOn();
}
