using System.Text.Json.Nodes;
using ElsaFlow.Studio.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ElsaFlow.Studio.Tests.Flows;

[Collection(StudioCollection.Name)]
public sealed class FlowsImportExportTests(StudioFixture studio)
{
    [Theory]
    [InlineData("json")]
    [InlineData("yaml")]
    public async Task ImportAFile_ThenExportAsJson_GivesTheSameDocument(string format)
    {
        var id = $"round-trip-{format}";
        var (text, expected) = format == "json" ? (TestFlows.Rich(id), TestFlows.Rich(id)) : (TestFlows.RichYaml(id), TestFlows.RichYamlAsJson(id));
        var file = WriteTemp($"{id}.{format}", text);
        await using var tab = await studio.OpenAsync(route: "flows");
        var page = tab.Page;

        await page.GetByLabel("Import flow file").SetInputFilesAsync(file);

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Imported {id}.{format} as {id} v1.");
        await Expect(page.Locator($"tr[data-flow='{id}']")).ToContainTextAsync("draft v1");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Export {id}" }).ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Menu, new() { Name = $"Export {id} as" }).GetByRole(AriaRole.Menuitem, new() { Name = "JSON" }).ClickAsync());

        Assert.Equal($"{id}.json", download.SuggestedFilename);
        var exported = JsonNode.Parse(await File.ReadAllTextAsync((await download.PathAsync())!))!.AsObject();
        // The server numbers versions; everything else must come back as written.
        Assert.Equal(1, exported["version"]!.GetValue<int>());
        exported.Remove("version");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), exported), exported.ToJsonString());
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task ExportAsYamlAndXml_DownloadsFilesThatImportBackToTheSameFlow()
    {
        await studio.Server.CreateFlowAsync(TestFlows.Rich("export-formats"));
        await using var tab = await studio.OpenAsync(route: "flows");
        var page = tab.Page;
        var original = JsonNode.Parse(await studio.Server.Admin.GetStringAsync("/api/workflows/export-formats/export?format=json"))!.AsObject();
        original.Remove("version");

        foreach (var (label, extension) in new[] { ("YAML", "yaml"), ("XML", "xml") })
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Export export-formats" }).ClickAsync();
            // Keyboard: the menu takes the focus; arrow down to the format and press Enter.
            await Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = "JSON" })).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("ArrowDown");
            if (extension == "xml") await page.Keyboard.PressAsync("ArrowDown");
            await Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = label })).ToBeFocusedAsync();
            var download = await page.RunAndWaitForDownloadAsync(() => page.Keyboard.PressAsync("Enter"));

            Assert.Equal($"export-formats.{extension}", download.SuggestedFilename);
            var text = await File.ReadAllTextAsync((await download.PathAsync())!);
            // Reading the file back gives the same flow as the JSON export (the server numbers versions, so leave those out).
            var imported = await studio.Server.Admin.PostAsync($"/api/workflows/import?format={extension}", new StringContent(text));
            Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
            var again = JsonNode.Parse(await studio.Server.Admin.GetStringAsync("/api/workflows/export-formats/export?format=json"))!.AsObject();
            again.Remove("version");
            Assert.True(JsonNode.DeepEquals(original, again), $"{extension}: {again.ToJsonString()}");
        }
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task ImportAFlowWithBadFields_ShowsEveryProblemByActivityAndField()
    {
        var file = WriteTemp("import-invalid.json", TestFlows.Invalid("import-invalid"));
        await using var tab = await studio.OpenAsync(route: "flows");
        var page = tab.Page;

        await page.GetByLabel("Import flow file").SetInputFilesAsync(file);

        var alert = page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("Imported import-invalid.json as draft import-invalid v1, with 2 problems");
        await Expect(alert.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
        await Expect(alert.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "sleep.duration:" })).ToContainTextAsync("48:00:00");
        await Expect(alert.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "tick.cron:" })).ToContainTextAsync("every day");
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task ImportAFileThatDoesNotParse_SaysWhereAndSavesNothing()
    {
        var file = WriteTemp("import-broken.yaml", "definitionId: import-broken\nroot: [unclosed\n");
        await using var tab = await studio.OpenAsync(route: "flows");
        var page = tab.Page;

        await page.GetByLabel("Import flow file").SetInputFilesAsync(file);

        var alert = page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("Cannot import import-broken.yaml");
        await Expect(alert).ToContainTextAsync("not valid YAML: line");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await studio.Server.Admin.GetAsync("/api/workflows/import-broken")).StatusCode);
        // The browser logs the refused request itself; nothing else may reach the console.
        Assert.All(tab.ConsoleErrors, e => Assert.Contains("status of 400", e));
    }

    private static string WriteTemp(string name, string content)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("elsaflow-import").FullName, name);
        File.WriteAllText(path, content);
        return path;
    }
}
