using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace ElsaFlow.Benchmarks;

/// <summary>
/// How fast the Studio's designer opens a 200-activity flow: the server in process over HTTP on 127.0.0.1, Debian's
/// headless Chromium through Playwright, timed in the page from navigation start until all 200 nodes are on the canvas.
/// Once with saved positions, once without (the designer lays the graph out with dagre on open).
/// </summary>
internal sealed class StudioSuite(string tempFolder, int runs)
{
    private const int Activities = 200;

    public async Task<List<BenchResult>> RunAsync()
    {
        var dataFolder = Directory.CreateDirectory(Path.Combine(tempFolder, "studio")).FullName;
        await using var server = await BenchServer.StartAsync(dataFolder);
        var address = server.Address;
        using var client = server.Client();
        (await client.PostAsJsonAsync("/api/workflows", Flow("bench-200-laid-out", positions: true))).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/workflows", Flow("bench-200-no-positions", positions: false))).EnsureSuccessStatusCode();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox", "--disable-gpu"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address, ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/studio/");
        await page.GetByLabel("API key").FillAsync(BenchServer.AdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Sections" }).WaitForAsync();

        var laidOut = await OpenTimesAsync(page, "bench-200-laid-out");
        var unlaid = await OpenTimesAsync(page, "bench-200-no-positions");
        return [Result("D1", "with saved positions", laidOut), Result("D2", "without positions (dagre layout on open)", unlaid)];
    }

    // A full page load per run (the browser keeps its cache, as a user's does), one warm-up first.
    private async Task<List<double>> OpenTimesAsync(IPage page, string definitionId)
    {
        var times = new List<double>();
        for (var run = 0; run <= runs; run++)
        {
            await page.GotoAsync("about:blank");
            await page.GotoAsync($"/studio/flows/{definitionId}");
            var ms = await page.WaitForFunctionAsync(
                $"() => document.querySelectorAll('.react-flow__node').length >= {Activities} ? performance.now() : null",
                null, new PageWaitForFunctionOptions { PollingInterval = 5, Timeout = 60_000 });
            if (run > 0) times.Add(await ms.JsonValueAsync<double>());
        }
        return times;
    }

    private BenchResult Result(string id, string variant, List<double> times)
    {
        times.Sort();
        var median = times[times.Count / 2];
        return new BenchResult($"{id}. Designer opens a {Activities}-activity flow, {variant}",
            "Time in Chromium from navigation start (page load, sign-in session, GET of the flow and the descriptors, render) until every node is on the canvas",
            $"{runs} full page loads after one warm-up, 1280x800 headless Chromium, `performance.now()` when {Activities} `.react-flow__node` exist (polled every 5 ms)",
            $"median {median:N0} ms, max {times[^1]:N0} ms", "< 1,000 ms", times[^1] < 1000);
    }

    // A binary tree of Log activities: valid, with fan-out, so the layout is not a straight line.
    private static JsonObject Flow(string definitionId, bool positions)
    {
        var activities = new JsonArray();
        var connections = new JsonArray();
        for (var i = 0; i < Activities; i++)
        {
            var activity = new JsonObject { ["id"] = $"log{i}", ["type"] = "Log", ["message"] = $"step {i}" };
            if (positions)
            {
                var depth = (int)Math.Log2(i + 1);
                activity["metadata"] = new JsonObject { ["designer"] = new JsonObject { ["position"] = new JsonObject { ["x"] = depth * 280, ["y"] = (i + 1 - (1 << depth)) * 90 } } };
            }
            activities.Add(activity);
            if (i > 0)
                connections.Add(new JsonObject
                {
                    ["source"] = new JsonObject { ["activity"] = $"log{(i - 1) / 2}", ["port"] = "Done" },
                    ["target"] = new JsonObject { ["activity"] = $"log{i}", ["port"] = "In" },
                });
        }
        return new JsonObject
        {
            ["definitionId"] = definitionId, ["name"] = $"{Activities} activities",
            ["root"] = new JsonObject { ["id"] = "root", ["type"] = "Flowchart", ["activities"] = activities, ["connections"] = connections },
        };
    }
}
