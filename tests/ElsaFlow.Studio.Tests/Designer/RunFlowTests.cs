using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ElsaFlow.Studio.Tests.Support;
using Microsoft.Playwright;
using static ElsaFlow.Studio.Tests.Designer.DesignerActions;
using static Microsoft.Playwright.Assertions;

namespace ElsaFlow.Studio.Tests.Designer;

/// <summary>Running from the designer (publish first, follow the run on the canvas), previewing an activity, and the version history.</summary>
[Collection(StudioCollection.Name)]
public sealed class RunFlowTests(StudioFixture studio)
{
    private static string SalesFlow(string id, string csv, string report) =>
        """
        {"definitionId": "ID", "name": "Sales report", "inputs": [{"name": "minimum", "type": "Number", "default": 0}],
         "root": {"id": "root", "type": "Flowchart",
          "activities": [
            {"id": "read", "type": "CsvInput", "path": "CSV", "metadata": {"designer": {"position": {"x": 0, "y": 0}}}},
            {"id": "sorted", "type": "Sort", "by": [{"column": "amount", "descending": true}], "metadata": {"designer": {"position": {"x": 288, "y": 0}}}},
            {"id": "report", "type": "MarkdownOutput", "path": "REPORT", "metadata": {"designer": {"position": {"x": 576, "y": 0}}}}
          ],
          "connections": [
            {"source": {"activity": "read", "port": "Done"}, "target": {"activity": "sorted", "port": "In"}},
            {"source": {"activity": "sorted", "port": "Done"}, "target": {"activity": "report", "port": "In"}}
          ]}}
        """.Replace("\"ID\"", $"\"{id}\"").Replace("\"CSV\"", $"\"{csv}\"").Replace("\"REPORT\"", $"\"{report}\"");

    [Fact]
    public async Task Run_OfAnUnpublishedDraft_PublishesFirst_ColoursEveryNodeDone_AndPreviewShowsSortedRows()
    {
        studio.Server.WriteData("designer/run.csv", "name,amount\nalice,120\nbob,50\ncarol,300\n");
        var id = await studio.Server.CreateFlowAsync(SalesFlow("designer-run", "designer/run.csv", "out/run.md"));
        await using var tab = await studio.OpenAsync(route: $"flows/{id}");
        var page = tab.Page;
        await Expect(page.GetByText("No problems found.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Run", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Run the flow" });
        await Expect(dialog.GetByLabel("minimum")).ToHaveValueAsync("0");
        await Expect(dialog).ToContainTextAsync("never been published");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Publish and run" }).ClickAsync();

        await Expect(page.Locator(".activity-node[data-status=\"done\"]")).ToHaveCountAsync(3, new() { Timeout = 30_000 });
        var banner = page.GetByRole(AriaRole.Status, new() { Name = "Run status" });
        await Expect(banner).ToContainTextAsync("Finished");
        await Expect(banner).ToContainTextAsync("of version 1");
        // The CSV is read as a view that the next steps scan: its rows are not counted again just to show a number.
        await Expect(Node(page, "read")).ToContainTextAsync("not counted");
        await Expect(page.GetByLabel("Version", new() { Exact = true })).ToContainTextAsync("published (v1)");
        var instanceId = (await banner.GetByRole(AriaRole.Link).GetAttributeAsync("href"))!.Split('/').Last();
        var markdown = (await studio.Server.Admin.GetStringAsync($"/api/instances/{instanceId}/files/run.md")).Replace("\r", "");
        Assert.Equal("| name | amount |\n| --- | ---: |\n| carol | 300 |\n| alice | 120 |\n| bob | 50 |\n", markdown);

        await SelectAsync(page, "sorted");
        await page.GetByLabel("Preview rows").FillAsync("2");
        var answer = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Preview", Exact = true }).ClickAsync(),
            r => r.Url.Contains($"/api/workflows/{id}/draft/preview/sorted?rows=2"));
        Assert.Equal(200, answer.Status);
        var rows = (await answer.JsonAsync())!.Value.GetProperty("rows");
        // The preview runs the flow on the first 2 rows of the file: alice and bob, sorted.
        Assert.Equal(2, rows.GetArrayLength());
        Assert.Equal("alice", rows[0].GetProperty("name").GetString());
        Assert.Equal(120, rows[0].GetProperty("amount").GetInt32());
        Assert.Equal("bob", rows[1].GetProperty("name").GetString());
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Preview of sorted" })).ToContainTextAsync("first 2 rows");
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task Versions_ShowWhatChanged_AndRestoreMakesANewDraft()
    {
        var id = await studio.Server.CreateFlowAsync(SalesFlow("designer-versions", "designer/v.csv", "out/v.md"));
        await using var tab = await studio.OpenAsync(route: $"flows/{id}");
        var page = tab.Page;
        await SelectAsync(page, "report");
        await page.Keyboard.PressAsync("Delete");
        await Expect(page.Locator(".react-flow__node")).ToHaveCountAsync(2);
        await page.Keyboard.PressAsync("Control+s");
        await Expect(page.GetByLabel("Version", new() { Exact = true })).ToContainTextAsync("version 2");

        await page.GetByRole(AriaRole.Button, new() { Name = "Versions" }).ClickAsync();
        var history = page.GetByRole(AriaRole.Complementary, new() { Name = "Version history" });
        var first = history.GetByRole(AriaRole.Listitem, new() { Name = "Version 1" });
        await Expect(first).ToContainTextAsync("1 removed, 1 connection removed");
        await Expect(history.GetByRole(AriaRole.Listitem, new() { Name = "Version 2" })).ToContainTextAsync("no changes");
        await first.GetByRole(AriaRole.Button, new() { Name = "Restore version 1" }).ClickAsync();

        await Expect(page.GetByLabel("Version", new() { Exact = true })).ToContainTextAsync("version 3");
        await Expect(page.Locator(".react-flow__node")).ToHaveCountAsync(3);
        var latest = await studio.Server.Admin.GetFromJsonAsync<JsonObject>($"/api/workflows/{id}");
        Assert.Equal(3, latest!["version"]!.GetValue<int>());
        Assert.Equal(3, latest["document"]!["root"]!["activities"]!.AsArray().Count);
        Assert.Empty(tab.ConsoleErrors);
    }
}
