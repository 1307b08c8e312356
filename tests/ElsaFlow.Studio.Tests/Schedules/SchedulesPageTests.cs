using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ElsaFlow.Studio.Tests.Flows;
using ElsaFlow.Studio.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ElsaFlow.Studio.Tests.Schedules;

[Collection(StudioCollection.Name)]
public sealed class SchedulesPageTests(StudioFixture studio)
{
    [Fact]
    public async Task SchedulesPage_ShowsAPublishedCronFlow_WithItsNextRun()
    {
        await studio.Server.CreateFlowAsync(TestFlows.Scheduled("nightly-report"), publish: true);
        var schedule = JsonNode.Parse(await studio.Server.Admin.GetStringAsync("/api/schedules"))!.AsArray()
            .Single(s => s!["definitionId"]!.GetValue<string>() == "nightly-report")!;
        var nextRun = DateTimeOffset.Parse(schedule["nextRun"]!.GetValue<string>());
        await using var tab = await studio.OpenAsync(route: "schedules");
        var page = tab.Page;

        var row = page.GetByRole(AriaRole.Table, new() { Name = "Schedules" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "nightly-report" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("published v1");
        await Expect(row.GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("nightly");
        await Expect(row.GetByRole(AriaRole.Cell).Nth(2)).ToHaveTextAsync("30 4 * * * UTC");
        var next = row.GetByRole(AriaRole.Cell).Nth(3).Locator("time");
        await Expect(next).ToContainTextAsync(new Regex(@"^in \d+ (s|min|h|d)"));
        Assert.Equal(nextRun, DateTimeOffset.Parse((await next.GetAttributeAsync("datetime"))!));
        Assert.Equal(4, nextRun.UtcDateTime.Hour);
        Assert.Equal(30, nextRun.UtcDateTime.Minute);
        await Expect(row.GetByRole(AriaRole.Cell).Nth(4)).ToHaveTextAsync("not yet");
        Assert.Empty(tab.ConsoleErrors);
    }
}
