using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ElsaFlow.Studio.Tests.Support;
using Microsoft.Playwright;
using static ElsaFlow.Studio.Tests.Designer.DesignerActions;
using static Microsoft.Playwright.Assertions;

namespace ElsaFlow.Studio.Tests.Designer;

/// <summary>The main scenario: build CsvInput -> Sort -> MarkdownOutput from the palette, fix what validation finds, publish, run, check the output.</summary>
[Collection(StudioCollection.Name)]
public sealed class BuildFlowTests(StudioFixture studio)
{
    internal static string EmptyFlow(string id, string name = "Built in the designer") =>
        $$$"""{"definitionId": "{{{id}}}", "name": "{{{name}}}", "root": {"id": "root", "type": "Flowchart", "activities": [], "connections": []}}""";

    [Fact]
    public async Task BuildFlow_FromThePalette_RunsEveryNodeToDone_AndWritesTheMarkdownTable()
    {
        studio.Server.WriteData("designer/sales.csv", "name,amount\nalice,120\nbob,50\ncarol,300\n");
        var id = await studio.Server.CreateFlowAsync(EmptyFlow("designer-build"));
        await using var tab = await studio.OpenAsync(route: $"flows/{id}");
        var page = tab.Page;
        var side = page.Locator(".designer-side");

        await DragFromPaletteAsync(page, "CsvInput", 60, 100);
        await DragFromPaletteAsync(page, "Sort", 320, 180);
        await DragFromPaletteAsync(page, "MarkdownOutput", 580, 260);
        await Expect(page.Locator(".react-flow__node")).ToHaveCountAsync(3);
        await ConnectAsync(page, "csvInput1", "Done", "sort1");
        await ConnectAsync(page, "sort1", "Done", "markdownOutput1");
        await Expect(page.Locator(".react-flow__edge")).ToHaveCountAsync(2);

        await SelectAsync(page, "csvInput1");
        await side.GetByLabel("Path", new() { Exact = true }).FillAsync("designer/sales.csv");

        // Sort without 'by': the problem shows on the node and on its field, then goes once 'by' is filled.
        await Expect(Node(page, "sort1").Locator(".activity-node-errors")).ToBeVisibleAsync();
        await SelectAsync(page, "sort1");
        await Expect(side).ToContainTextAsync("'by'");
        await side.GetByRole(AriaRole.Button, new() { Name = "Add By" }).ClickAsync();
        await side.GetByLabel("Column", new() { Exact = true }).FillAsync("amount");
        await side.GetByLabel("Descending", new() { Exact = true }).CheckAsync();
        await Expect(Node(page, "sort1").Locator(".activity-node-errors")).ToHaveCountAsync(0);

        await SelectAsync(page, "markdownOutput1");
        await side.GetByLabel("Path", new() { Exact = true }).FillAsync("out/report.md");
        await Expect(page.Locator(".activity-node-errors")).ToHaveCountAsync(0);

        var publish = page.GetByRole(AriaRole.Button, new() { Name = "Publish" });
        await Expect(publish).ToBeEnabledAsync();
        await publish.ClickAsync();
        await Expect(page.GetByLabel("Version", new() { Exact = true })).ToContainTextAsync("published");

        await page.GetByRole(AriaRole.Button, new() { Name = "Run", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Run", Exact = true }).ClickAsync();
        await Expect(page.Locator(".activity-node[data-status=\"done\"]")).ToHaveCountAsync(3, new() { Timeout = 30_000 });
        var banner = page.GetByRole(AriaRole.Status, new() { Name = "Run status" });
        await Expect(banner).ToContainTextAsync("Finished");
        await Expect(Node(page, "sort1")).ToContainTextAsync("3 rows");
        var instanceHref = await banner.GetByRole(AriaRole.Link).GetAttributeAsync("href");
        var instanceId = instanceHref!.Split('/').Last();
        await page.GetByRole(AriaRole.Button, new() { Name = "Fit View" }).ClickAsync();
        // The README's picture shows the finished run with Sort's generated property panel beside it.
        await Node(page, "sort1").ClickAsync();
        await tab.ScreenshotAsync("designer");

        await SelectAsync(page, "sort1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview", Exact = true }).ClickAsync();
        var preview = page.GetByRole(AriaRole.Region, new() { Name = "Preview of sort1" });
        await Expect(preview.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("carol", new() { Timeout = 30_000 });
        await Expect(preview.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("300");

        var files = await studio.Server.Admin.GetFromJsonAsync<JsonArray>($"/api/instances/{instanceId}/files");
        Assert.Contains(files!, f => f!["name"]!.GetValue<string>() == "report.md");
        var markdown = (await studio.Server.Admin.GetStringAsync($"/api/instances/{instanceId}/files/report.md")).Replace("\r", "");
        Assert.Equal("| name | amount |\n| --- | ---: |\n| carol | 300 |\n| alice | 120 |\n| bob | 50 |\n", markdown);
        Assert.Empty(tab.ConsoleErrors);
    }
}
