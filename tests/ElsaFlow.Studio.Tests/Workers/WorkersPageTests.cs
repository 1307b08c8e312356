using System.Text.Json.Nodes;
using ElsaFlow.Studio.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ElsaFlow.Studio.Tests.Workers;

[Collection(StudioCollection.Name)]
public sealed class WorkersPageTests(StudioFixture studio)
{
    [Fact]
    public async Task WorkersPage_ShowsThisNode_WithRolesGroupsAndAFreshHeartbeat()
    {
        var node = JsonNode.Parse(await studio.Server.Admin.GetStringAsync("/api/workers"))!.AsArray().Single(w => w!["live"]!.GetValue<bool>())!;
        await using var tab = await studio.OpenAsync(route: "workers");
        var page = tab.Page;

        var row = page.GetByRole(AriaRole.Table, new() { Name = "Workers" }).GetByRole(AriaRole.Row).Filter(new() { HasText = node["nodeId"]!.GetValue<string>() });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("all");
        await Expect(row.GetByRole(AriaRole.Cell).Nth(2)).ToHaveTextAsync("unpinned only");
        await Expect(row.GetByRole(AriaRole.Cell).Nth(3)).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"just now|\d+ s ago"));
        await Expect(row.GetByRole(AriaRole.Cell).Nth(3)).Not.ToContainTextAsync("stale");
        await Expect(row.GetByRole(AriaRole.Cell).Nth(4)).ToHaveTextAsync($"0 / {node["concurrency"]}");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Workers" })).ToHaveAttributeAsync("aria-current", "page");
        Assert.Empty(tab.ConsoleErrors);
    }
}
