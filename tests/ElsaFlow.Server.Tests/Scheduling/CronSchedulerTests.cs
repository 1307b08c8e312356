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

    private static async Task<int> Instances(HttpClient admin)
    {
        var page = await HttpAssert.Json(await admin.GetAsync("/api/instances?definition=every-minute"));
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
