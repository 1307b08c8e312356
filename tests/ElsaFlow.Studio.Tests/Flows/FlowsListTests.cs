using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ElsaFlow.Studio.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ElsaFlow.Studio.Tests.Flows;

[Collection(StudioCollection.Name)]
public sealed class FlowsListTests(StudioFixture studio)
{
    [Fact]
    public async Task List_ShowsVersionStateAndLastRun_AndSearchNarrowsIt()
    {
        var server = studio.Server;
        await server.CreateFlowAsync(TestFlows.Hello("list-sales-report", "Sales report"), publish: true);
        var changed = JsonNode.Parse(TestFlows.Hello("list-sales-report", "Sales report (new layout)"))!;
        (await server.Admin.PutAsJsonAsync("/api/workflows/list-sales-report", changed)).EnsureSuccessStatusCode();
        (await server.Admin.PostAsync("/api/workflows/list-sales-report/execute", null)).EnsureSuccessStatusCode();
        await server.CreateFlowAsync(TestFlows.Hello("list-clean-customers", "Clean customers"), publish: true);
        await server.CreateFlowAsync(TestFlows.Hello("list-route-orders", "Route orders"));

        await using var tab = await studio.OpenAsync(route: "flows");
        var page = tab.Page;
        var sales = page.Locator("tr[data-flow='list-sales-report']");
        var clean = page.Locator("tr[data-flow='list-clean-customers']");
        var route = page.Locator("tr[data-flow='list-route-orders']");

        await Expect(sales).ToContainTextAsync("Sales report (new layout)");
        await Expect(sales).ToContainTextAsync("draft v2 (published v1)");
        await Expect(sales.GetByRole(AriaRole.Link, new() { Name = "Last run of list-sales-report: Finished" })).ToBeVisibleAsync();
        await Expect(clean).ToContainTextAsync("published v1");
        await Expect(clean).ToContainTextAsync("never run");
        await Expect(route).ToContainTextAsync("draft v1");
        await tab.ScreenshotAsync("flows");

        await page.GetByLabel("Search flows").FillAsync("list-route");

        await Expect(page.Locator("tr[data-flow]")).ToHaveCountAsync(1);
        await Expect(route).ToBeVisibleAsync();
        await page.GetByLabel("Search flows").FillAsync("no-flow-has-this-name");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "No flow matches \"no-flow-has-this-name\"" })).ToBeVisibleAsync();
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task FlowFromAFile_IsMarkedReadOnly_AndCanBeDuplicatedButNotDeleted()
    {
        File.WriteAllText(Path.Combine(studio.Server.WorkflowsFolder, "from-a-file.json"), TestFlows.Hello("from-a-file", "From a file"));
        await Until(async () => (await studio.Server.Admin.GetAsync("/api/workflows/from-a-file")).IsSuccessStatusCode);
        await using var tab = await studio.OpenAsync(route: "flows");
        var row = tab.Page.Locator("tr[data-flow='from-a-file']");

        await Expect(row.Locator(".read-only")).ToHaveTextAsync("read-only");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Duplicate from-a-file" })).ToBeVisibleAsync();
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Delete from-a-file" })).ToHaveCountAsync(0);
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task NewFlow_FromTheDialog_LandsInTheDesigner()
    {
        await using var tab = await studio.OpenAsync(route: "flows");
        var page = tab.Page;

        await page.GetByRole(AriaRole.Button, new() { Name = "New flow" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "New flow" });
        await Expect(dialog).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToBeHiddenAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "New flow" }).ClickAsync();
        await Expect(dialog.GetByLabel("Id")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("bad id");
        await page.Keyboard.PressAsync("Enter");
        await Expect(dialog).ToContainTextAsync("Use letters, digits");
        await dialog.GetByLabel("Id").FillAsync("new-from-dialog");
        await dialog.GetByLabel("Name").FillAsync("Made in the dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();

        // The Studio moves with pushState (no page load), so wait on the address itself.
        await Expect(page).ToHaveURLAsync(new Regex("/studio/flows/new-from-dialog$"));
        var stored = JsonNode.Parse(await studio.Server.Admin.GetStringAsync("/api/workflows/new-from-dialog"))!;
        Assert.Equal("Made in the dialog", stored["document"]!["name"]!.GetValue<string>());
        Assert.Equal("Flowchart", stored["document"]!["root"]!["type"]!.GetValue<string>());
        Assert.Equal(1, stored["version"]!.GetValue<int>());
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task NewFlow_WithATakenId_SaysSoInTheDialog()
    {
        await studio.Server.CreateFlowAsync(TestFlows.Hello("taken-id"));
        await using var tab = await studio.OpenAsync(route: "flows");
        var page = tab.Page;

        await page.GetByRole(AriaRole.Button, new() { Name = "New flow" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "New flow" });
        await dialog.GetByLabel("Id").FillAsync("taken-id");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();

        await Expect(dialog.GetByRole(AriaRole.Alert)).ToContainTextAsync("'taken-id' already exists");
        Assert.EndsWith("/studio/flows", page.Url);
    }

    [Fact]
    public async Task Duplicate_ShowsTheCopy_ThenDelete_AsksFirstAndRemovesIt()
    {
        await studio.Server.CreateFlowAsync(TestFlows.Rich("dup-source"));
        await using var tab = await studio.OpenAsync(route: "flows");
        var page = tab.Page;
        await page.GetByLabel("Search flows").FillAsync("dup-source");

        await page.GetByRole(AriaRole.Button, new() { Name = "Duplicate dup-source" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Duplicated dup-source as dup-source-copy.");
        var copyRow = page.Locator("tr[data-flow='dup-source-copy']");
        await Expect(copyRow).ToContainTextAsync("Round trip dup-source (copy)");
        await Expect(copyRow).ToHaveClassAsync("highlighted");
        var original = JsonNode.Parse(await studio.Server.Admin.GetStringAsync("/api/workflows/dup-source"))!["document"]!;
        var copy = JsonNode.Parse(await studio.Server.Admin.GetStringAsync("/api/workflows/dup-source-copy"))!["document"]!;
        Assert.True(JsonNode.DeepEquals(original["root"], copy["root"]), copy.ToJsonString());

        // A second copy does not collide with the first.
        await page.GetByRole(AriaRole.Button, new() { Name = "Duplicate dup-source", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("as dup-source-copy-2.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete dup-source-copy", Exact = true }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog, new() { Name = "Delete flow dup-source-copy?" });
        await Expect(confirm.GetByRole(AriaRole.Button, new() { Name = "Cancel" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(confirm).ToBeHiddenAsync();
        await Expect(copyRow).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete dup-source-copy", Exact = true }).ClickAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(confirm.GetByRole(AriaRole.Button, new() { Name = "Delete" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(copyRow).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Deleted dup-source-copy.");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await studio.Server.Admin.GetAsync("/api/workflows/dup-source-copy")).StatusCode);
        await Expect(page.Locator("tr[data-flow='dup-source']")).ToBeVisibleAsync();
        Assert.Empty(tab.ConsoleErrors);
    }

    private static async Task Until(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100 && !await condition(); i++) await Task.Delay(100);
        Assert.True(await condition(), "the server did not pick up the flow file in 10 s");
    }
}
