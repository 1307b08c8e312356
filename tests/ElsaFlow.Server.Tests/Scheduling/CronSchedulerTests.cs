using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ElsaFlow.Server.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ElsaFlow.Server.Tests.Scheduling;

public sealed class CronSchedulerTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string _folder = Directory.CreateTempSubdirectory("elsaflow-cron").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 30, TimeSpan.Zero));
    private ServerNode _first = null!;
    private ServerNode _second = null!;

    public Task InitializeAsync()
    {
        var data = Path.Combine(_folder, ".elsaflow");
        var root = Directory.CreateDirectory(Path.Combine(_folder, "data")).FullName;
        _first = new ServerNode(data, root, _time);
        _ = _first.Server; // started (and migrated) before the second node opens the same database
        _second = new ServerNode(data, root, _time);
        _ = _second.Server;
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Cron_TwoNodesOnOneDatabase_RunEachOccurrenceOnce()
    {
        var admin = _first.Admin();
        var flow = JsonNode.Parse("""
            {"definitionId": "every-minute", "root": {"id": "root", "type": "Flowchart", "activities": [
              {"id": "tick", "type": "Cron", "cron": "* * * * *", "timeZone": "UTC"},
              {"id": "log", "type": "Log", "message": "tick"}],
             "connections": [{"source": {"activity": "tick", "port": "Done"}, "target": {"activity": "log", "port": "In"}}]}}
            """)!;
        (await admin.PostAsJsonAsync("/api/workflows", flow)).EnsureSuccessStatusCode();
        (await admin.PostAsync("/api/workflows/every-minute/publish", null)).EnsureSuccessStatusCode();

        _time.Advance(TimeSpan.FromSeconds(30)); // 00:01:00
        await Until(async () => await Instances(admin) >= 1);
        _time.Advance(TimeSpan.FromMinutes(1)); // 00:02:00
        await Until(async () => await Instances(admin) >= 2);
        await Task.Delay(TimeSpan.FromSeconds(2)); // room for a double start to show

        Assert.Equal(2, await Instances(admin));
        var schedules = await HttpAssert.Json(await _second.Admin().GetAsync("/api/schedules"));
        var schedule = schedules.AsArray().Single()!;
        Assert.Equal("every-minute", schedule["definitionId"]!.GetValue<string>());
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 2, 0, TimeSpan.Zero), schedule["lastRun"]!["occurrence"]!.GetValue<DateTimeOffset>());
        Assert.Equal("Started", schedule["lastRun"]!["status"]!.GetValue<string>());
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 3, 0, TimeSpan.Zero), schedule["nextRun"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task Cron_OverlapSkip_PreviousRunStillGoing_SkipsTheOccurrence()
    {
        var admin = _first.Admin();
        await PublishAsync(admin, "overlap-skip", """{"overlap": "skip"}""", """{"id": "work", "type": "Pause"}""");

        _time.Advance(TimeSpan.FromSeconds(30)); // 00:01:00: runs and waits on its Pause
        await Until(async () => await Instances(admin, "overlap-skip") == 1);
        _time.Advance(TimeSpan.FromMinutes(1)); // 00:02:00: the first run still waits

        await Until(async () => (await LastRun(admin))?["status"]?.GetValue<string>() == "Skipped");
        Assert.Equal(1, await Instances(admin, "overlap-skip"));
    }

    [Fact]
    public async Task Cron_OverlapQueue_StartsTheQueuedOccurrenceWhenThePreviousRunEnds()
    {
        var admin = _first.Admin();
        await PublishAsync(admin, "overlap-queue", """{"overlap": "queue"}""", """{"id": "work", "type": "Pause"}""");
        _time.Advance(TimeSpan.FromSeconds(30));
        await Until(async () => await Instances(admin, "overlap-queue") == 1);
        _time.Advance(TimeSpan.FromMinutes(1));
        await Until(async () => (await LastRun(admin))?["status"]?.GetValue<string>() == "Queued");
        var first = (await HttpAssert.Json(await admin.GetAsync("/api/instances?definition=overlap-queue")))["items"]![0]!["id"]!.GetValue<string>();

        (await admin.PostAsync($"/api/instances/{first}/cancel", null)).EnsureSuccessStatusCode();
        _time.Advance(TimeSpan.FromSeconds(1));

        await Until(async () => await Instances(admin, "overlap-queue") == 2);
        Assert.Equal("Started", (await LastRun(admin))!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cron_MissedRunsRunOnce_RunsOnceForEveryMissedOccurrence()
    {
        var admin = _first.Admin();
        await PublishAsync(admin, "catch-up", """{"missedRuns": "runOnce"}""", """{"id": "work", "type": "Log", "message": "tick"}""");
        _time.Advance(TimeSpan.FromSeconds(30)); // 00:01:00 runs on time
        await Until(async () => await Instances(admin, "catch-up") == 1);

        _time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(45)); // 00:11:45: 00:02..00:11 were missed

        await Until(async () => await Instances(admin, "catch-up") == 2);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(2, await Instances(admin, "catch-up"));
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 11, 0, TimeSpan.Zero), (await LastRun(admin))!["occurrence"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task Cron_MissedRunsSkip_DropsMissedOccurrences()
    {
        var admin = _first.Admin();
        await PublishAsync(admin, "no-catch-up", """{"missedRuns": "skip"}""", """{"id": "work", "type": "Log", "message": "tick"}""");
        _time.Advance(TimeSpan.FromSeconds(30));
        await Until(async () => await Instances(admin, "no-catch-up") == 1);

        _time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(45));
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal(1, await Instances(admin, "no-catch-up"));
    }

    private static async Task PublishAsync(HttpClient admin, string id, string cronOptions, string work)
    {
        var trigger = JsonNode.Parse("""{"id": "tick", "type": "Cron", "cron": "* * * * *"}""")!.AsObject();
        foreach (var (name, value) in JsonNode.Parse(cronOptions)!.AsObject()) trigger[name] = value?.DeepClone();
        var flow = new JsonObject
        {
            ["definitionId"] = id,
            ["root"] = new JsonObject
            {
                ["id"] = "root", ["type"] = "Flowchart",
                ["activities"] = new JsonArray(trigger, JsonNode.Parse(work)),
                ["connections"] = JsonNode.Parse("""[{"source": {"activity": "tick", "port": "Done"}, "target": {"activity": "work", "port": "In"}}]""")
            }
        };
        (await admin.PostAsJsonAsync("/api/workflows", flow)).EnsureSuccessStatusCode();
        (await admin.PostAsync($"/api/workflows/{id}/publish", null)).EnsureSuccessStatusCode();
    }

    private static async Task<JsonNode?> LastRun(HttpClient admin) =>
        (await HttpAssert.Json(await admin.GetAsync("/api/schedules"))).AsArray().Single()!["lastRun"];

    private static Task<int> Instances(HttpClient admin) => Instances(admin, "every-minute");

    private static async Task<int> Instances(HttpClient admin, string definitionId)
    {
        var page = await HttpAssert.Json(await admin.GetAsync($"/api/instances?definition={definitionId}"));
        return page["total"]!.GetValue<int>();
    }

    private static async Task Until(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the scheduler did not start the occurrence in time");
            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* the OS cleans temp */ }
    }
}
