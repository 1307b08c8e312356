using ElsaFlow.Studio.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ElsaFlow.Studio.Tests.Instances;

[Collection(StudioCollection.Name)]
public sealed class InstancesPageTests(StudioFixture studio)
{
    private StudioServer Server => studio.Server;

    [Fact]
    public async Task List_FiltersByDefinitionAndStatus_PagesThroughTheUrl_AndFollowsStatusesLive()
    {
        var flow = await Server.CreateFlowAsync(InstanceFlows.PauseFlow(InstanceFlows.UniqueId("listed")), publish: true);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++) ids.Add(await Server.DispatchAsync(flow));
        foreach (var id in ids) await Server.WaitForStatusAsync(id, "Suspended");
        (await Server.Admin.PostAsync($"/api/instances/{ids[0]}/cancel", null)).EnsureSuccessStatusCode();

        await using var tab = await studio.OpenAsync(route: $"instances?definition={flow}&take=2");
        var page = tab.Page;
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Instances" });
        var pager = page.GetByRole(AriaRole.Navigation, new() { Name = "Instance pages" });
        await Expect(pager).ToContainTextAsync("1-2 of 3");
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(page.GetByLabel("Definition")).ToHaveValueAsync(flow);

        await pager.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Expect(pager).ToContainTextAsync("3-3 of 3");
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(1);
        Assert.Contains("skip=2", page.Url);
        await page.GoBackAsync();
        await Expect(pager).ToContainTextAsync("1-2 of 3");

        await page.GetByLabel("Status").SelectOptionAsync("Suspended");
        await Expect(pager).ToContainTextAsync("1-2 of 2");
        Assert.Contains("status=Suspended", page.Url);
        await Expect(table.Locator(".status-badge")).ToHaveTextAsync(["Suspended", "Suspended"]);
        await Expect(table.Locator($"tr[data-instance-id='{ids[0]}']")).ToHaveCountAsync(0);

        // Cancelled elsewhere: the list follows without a reload.
        (await Server.Admin.PostAsync($"/api/instances/{ids[1]}/cancel", null)).EnsureSuccessStatusCode();
        await Expect(pager).ToContainTextAsync("1-1 of 1");

        await page.ReloadAsync();
        await Expect(page.GetByLabel("Status")).ToHaveValueAsync("Suspended");
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(1);
        await table.GetByRole(AriaRole.Link, new() { Name = ids[2] }).ClickAsync();
        await Expect(page.Locator(".instance-header")).ToContainTextAsync(ids[2]);

        await page.GoBackAsync();
        await page.GetByLabel("Status").SelectOptionAsync("Cancelled");
        await Expect(table.Locator(".status-badge")).ToHaveTextAsync(["Cancelled", "Cancelled"]);
        await page.GetByLabel("Definition").FillAsync("no-such-flow");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "No instances match" })).ToBeVisibleAsync();
        Assert.Empty(tab.ConsoleErrors);
    }
}
