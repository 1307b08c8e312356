using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ElsaFlow.Studio.Tests.Support;
using Microsoft.Playwright;
using static ElsaFlow.Studio.Tests.Designer.DesignerActions;
using static Microsoft.Playwright.Assertions;

namespace ElsaFlow.Studio.Tests.Designer;

/// <summary>Canvas editing without the property panel: drag, connect, save, undo/redo, copy/paste, roles and read-only definitions.</summary>
[Collection(StudioCollection.Name)]
public sealed class DesignerEditingTests(StudioFixture studio)
{
    [Fact]
    public async Task DragConnectSave_SavesActivitiesConnectionsAndPositions_AndLoadsThemBack()
    {
        var id = await studio.Server.CreateFlowAsync(BuildFlowTests.EmptyFlow("designer-save"));
        await using var tab = await studio.OpenAsync(route: $"flows/{id}");
        var page = tab.Page;

        await DragFromPaletteAsync(page, "CsvInput", 60, 100);
        await DragFromPaletteAsync(page, "Sort", 320, 180);
        await DragFromPaletteAsync(page, "MarkdownOutput", 580, 260);
        await ConnectAsync(page, "csvInput1", "Done", "sort1");
        await ConnectAsync(page, "sort1", "Done", "markdownOutput1");
        await Expect(page.Locator(".react-flow__edge")).ToHaveCountAsync(2);
        // The new activities miss required inputs: the nodes say so and Publish waits.
        await Expect(Node(page, "sort1").Locator(".activity-node-errors")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Publish" })).ToBeDisabledAsync();
        await Expect(page.GetByText("Fix the 3 problems to publish")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(page.GetByLabel("Version", new() { Exact = true })).Not.ToContainTextAsync("unsaved");

        var saved = await studio.Server.Admin.GetFromJsonAsync<JsonObject>($"/api/workflows/{id}");
        var root = saved!["document"]!["root"]!;
        var activities = root["activities"]!.AsArray();
        Assert.Equal(["csvInput1", "sort1", "markdownOutput1"], activities.Select(a => a!["id"]!.GetValue<string>()));
        Assert.Equal(["CsvInput", "Sort", "MarkdownOutput"], activities.Select(a => a!["type"]!.GetValue<string>()));
        var positions = activities.Select(a => a!["metadata"]!["designer"]!["position"]!).ToList();
        Assert.All(positions, p => Assert.Equal(0, p["x"]!.GetValue<int>() % 16));
        Assert.True(positions[0]["x"]!.GetValue<int>() < positions[1]["x"]!.GetValue<int>() && positions[1]["x"]!.GetValue<int>() < positions[2]["x"]!.GetValue<int>());
        var connections = root["connections"]!.AsArray().Select(c => $"{c!["source"]!["activity"]}:{c["source"]!["port"]}->{c["target"]!["activity"]}:{c["target"]!["port"]}");
        Assert.Equal(["csvInput1:Done->sort1:In", "sort1:Done->markdownOutput1:In"], connections);

        await page.ReloadAsync();
        await Expect(page.Locator(".react-flow__edge")).ToHaveCountAsync(2);
        var box = await Node(page, "sort1").BoundingBoxAsync();
        var first = await Node(page, "csvInput1").BoundingBoxAsync();
        Assert.True(first!.X < box!.X);
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task KeyboardConnect_FromThePanel_AddsAndRemovesAConnection()
    {
        var id = await studio.Server.CreateFlowAsync(BuildFlowTests.EmptyFlow("designer-keyboard-connect"));
        await using var tab = await studio.OpenAsync(route: $"flows/{id}");
        var page = tab.Page;
        await DragFromPaletteAsync(page, "CsvInput", 60, 100);
        await DragFromPaletteAsync(page, "Join", 320, 180);

        // The Join's data ports are Left and Right: connect Done -> Right without touching a handle.
        await SelectAsync(page, "csvInput1");
        var section = page.GetByRole(AriaRole.Region, new() { Name = "Connections of csvInput1" });
        await section.GetByLabel("From port").SelectOptionAsync("Done");
        await section.GetByLabel("To activity").SelectOptionAsync("join1");
        await section.GetByLabel("To port").SelectOptionAsync("Right");
        await section.GetByRole(AriaRole.Button, new() { Name = "Connect", Exact = true }).PressAsync("Enter");
        await Expect(page.Locator(".react-flow__edge")).ToHaveCountAsync(1);
        await Expect(section.GetByRole(AriaRole.Listitem)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Done → join1 \\(Right\\)"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(page.GetByLabel("Version", new() { Exact = true })).Not.ToContainTextAsync("unsaved");
        var saved = await studio.Server.Admin.GetFromJsonAsync<JsonObject>($"/api/workflows/{id}");
        var connection = Assert.Single(saved!["document"]!["root"]!["connections"]!.AsArray())!;
        Assert.Equal(("csvInput1", "Done", "join1", "Right"), (connection["source"]!["activity"]!.GetValue<string>(), connection["source"]!["port"]!.GetValue<string>(),
            connection["target"]!["activity"]!.GetValue<string>(), connection["target"]!["port"]!.GetValue<string>()));

        await section.GetByRole(AriaRole.Button, new() { Name = "Remove connection Done to join1" }).ClickAsync();
        await Expect(page.Locator(".react-flow__edge")).ToHaveCountAsync(0);
        await page.Keyboard.PressAsync("Control+z");
        await Expect(page.Locator(".react-flow__edge")).ToHaveCountAsync(1);
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task UndoRedo_AndCopyPaste_KeepIdsUniqueAndInternalConnections()
    {
        var id = await studio.Server.CreateFlowAsync(BuildFlowTests.EmptyFlow("designer-undo"));
        await using var tab = await studio.OpenAsync(route: $"flows/{id}");
        var page = tab.Page;
        await DragFromPaletteAsync(page, "CsvInput", 100, 100);
        await DragFromPaletteAsync(page, "Sort", 400, 100);
        await ConnectAsync(page, "csvInput1", "Done", "sort1");
        await Expect(page.Locator(".react-flow__edge")).ToHaveCountAsync(1);

        await page.Keyboard.PressAsync("Control+z");
        await Expect(page.Locator(".react-flow__edge")).ToHaveCountAsync(0);
        await page.Keyboard.PressAsync("Control+z");
        await Expect(page.Locator(".react-flow__node")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Control+Shift+z");
        await Expect(page.Locator(".react-flow__node")).ToHaveCountAsync(2);
        await page.Keyboard.PressAsync("Control+y");
        await Expect(page.Locator(".react-flow__edge")).ToHaveCountAsync(1);

        // Select both (click, ctrl+click), copy, paste: two new activities with new ids and the connection between them.
        await SelectAsync(page, "csvInput1");
        await Node(page, "sort1").Locator(".activity-node-title").ClickAsync(new() { Modifiers = [KeyboardModifier.Control] });
        await Expect(page.Locator(".react-flow__node.selected")).ToHaveCountAsync(2);
        await page.Keyboard.PressAsync("Control+c");
        await page.Keyboard.PressAsync("Control+v");
        await Expect(page.Locator(".react-flow__node")).ToHaveCountAsync(4);
        await Expect(Node(page, "csvInput2")).ToBeVisibleAsync();
        await Expect(Node(page, "sort2")).ToBeVisibleAsync();
        await Expect(page.Locator(".react-flow__edge")).ToHaveCountAsync(2);

        // Delete removes the pasted (selected) pair and its connection; undo brings them back.
        await page.Keyboard.PressAsync("Delete");
        await Expect(page.Locator(".react-flow__node")).ToHaveCountAsync(2);
        await Expect(page.Locator(".react-flow__edge")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Control+z");
        await Expect(page.Locator(".react-flow__node")).ToHaveCountAsync(4);

        await page.GetByRole(AriaRole.Button, new() { Name = "Keyboard shortcuts" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog, new() { Name = "Keyboard shortcuts" })).ToContainTextAsync("Ctrl+Shift+Z");
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task PaletteSearch_AndEnter_AddAtTheCentreWithUniqueIds()
    {
        var id = await studio.Server.CreateFlowAsync(BuildFlowTests.EmptyFlow("designer-keyboard"));
        await using var tab = await studio.OpenAsync(route: $"flows/{id}");
        var page = tab.Page;
        var palette = page.GetByRole(AriaRole.Complementary, new() { Name = "Activities" });
        await palette.GetByLabel("Search activities").FillAsync("markdown table");
        await Expect(palette.GetByRole(AriaRole.Button)).ToHaveCountAsync(1);
        await palette.GetByRole(AriaRole.Button, new() { Name = "MarkdownOutput" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Enter");
        await Expect(Node(page, "markdownOutput1")).ToBeVisibleAsync();
        await Expect(Node(page, "markdownOutput2")).ToBeVisibleAsync();
        // The last one added is the selection: Delete removes it, without leaving the keyboard.
        await Expect(Node(page, "markdownOutput2")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("selected"));
        await page.Keyboard.PressAsync("Delete");
        await Expect(page.Locator(".react-flow__node")).ToHaveCountAsync(1);
        await Expect(Node(page, "markdownOutput1")).ToBeVisibleAsync();
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task ViewerKey_SeesTheFlow_ButCannotDragEditOrSave()
    {
        var id = await studio.Server.CreateFlowAsync(TwoStepFlow("designer-viewer"), publish: true);
        await using var tab = await studio.OpenAsync(studio.Server.ViewerKey, $"flows/{id}");
        var page = tab.Page;
        await Expect(page.Locator(".react-flow__node")).ToHaveCountAsync(2);
        await Expect(page.GetByRole(AriaRole.Complementary, new() { Name = "Activities" })).ToHaveCountAsync(0);
        foreach (var name in new[] { "Save draft", "Publish", "Run", "Undo", "Auto-layout" })
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true })).ToHaveCountAsync(0);

        // Dragging a node pans the view instead: the node keeps its place on the flow (its transform inside the viewport).
        var before = await Node(page, "read").GetAttributeAsync("style");
        var box = await Node(page, "read").BoundingBoxAsync();
        await page.Mouse.MoveAsync(box!.X + 40, box.Y + 15);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + 240, box.Y + 215, new() { Steps = 8 });
        await page.Mouse.UpAsync();
        Assert.Contains("translate(0px, 0px)", before);
        Assert.Equal(before, await Node(page, "read").GetAttributeAsync("style"));
        await page.Keyboard.PressAsync("Delete");
        await Expect(page.Locator(".react-flow__node")).ToHaveCountAsync(2);
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task FileDefinition_IsReadOnly_AndSaveAsCopyOpensAnEditableCopy()
    {
        File.WriteAllText(Path.Combine(studio.Server.WorkflowsFolder, "designer-file.json"), TwoStepFlow("designer-file"));
        await WaitForDefinitionAsync("designer-file");
        await using var tab = await studio.OpenAsync(route: "flows/designer-file");
        var page = tab.Page;
        await Expect(page.GetByText("read-only: from a file")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save draft" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Publish" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Save as copy" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Save as copy" });
        await dialog.GetByLabel("New flow id").FillAsync("designer-file-copy");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save copy" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/studio/flows/designer-file-copy$"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save draft" })).ToBeVisibleAsync();
        await Expect(page.Locator(".react-flow__node")).ToHaveCountAsync(2);

        var copy = await studio.Server.Admin.GetFromJsonAsync<JsonObject>("/api/workflows/designer-file-copy");
        Assert.False(copy!["isReadOnly"]!.GetValue<bool>());
        Assert.Equal(2, copy["document"]!["root"]!["activities"]!.AsArray().Count);
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task TwoHundredActivities_OpenInUnderASecond()
    {
        var activities = new JsonArray();
        var connections = new JsonArray();
        for (var i = 0; i < 200; i++)
        {
            activities.Add(new JsonObject
            {
                ["id"] = $"log{i}", ["type"] = "Log", ["message"] = $"step {i}",
                ["metadata"] = new JsonObject { ["designer"] = new JsonObject { ["position"] = new JsonObject { ["x"] = i % 20 * 260, ["y"] = i / 20 * 120 } } }
            });
            if (i > 0) connections.Add(JsonNode.Parse($$$"""{"source": {"activity": "log{{{i - 1}}}", "port": "Done"}, "target": {"activity": "log{{{i}}}", "port": "In"}}"""));
        }
        var flow = new JsonObject
        {
            ["definitionId"] = "designer-big", ["name"] = "Big",
            ["root"] = new JsonObject { ["id"] = "root", ["type"] = "Flowchart", ["activities"] = activities, ["connections"] = connections }
        };
        var id = await studio.Server.CreateFlowAsync(flow.ToJsonString());
        await using var tab = await studio.OpenAsync();
        var page = tab.Page;
        // Warm the descriptor cache and the bundle the way a session does, then time opening the designer itself.
        await page.EvaluateAsync($"() => {{ history.pushState(null, '', '/studio/flows/{id}'); dispatchEvent(new PopStateEvent('popstate')); }}");
        await Expect(page.Locator(".react-flow__node").First).ToBeVisibleAsync();
        await page.EvaluateAsync("() => { history.pushState(null, '', '/studio/instances'); dispatchEvent(new PopStateEvent('popstate')); }");

        var clock = Stopwatch.StartNew();
        await page.EvaluateAsync($"() => {{ history.pushState(null, '', '/studio/flows/{id}'); dispatchEvent(new PopStateEvent('popstate')); }}");
        await Expect(page.Locator(".react-flow__node")).ToHaveCountAsync(200);
        await Expect(page.Locator(".react-flow__edge")).ToHaveCountAsync(199);
        clock.Stop();
        Assert.True(clock.ElapsedMilliseconds < 1000, $"the designer took {clock.ElapsedMilliseconds} ms to open 200 activities");
        Assert.Empty(tab.ConsoleErrors);
    }

    internal static string TwoStepFlow(string id) =>
        """
        {"definitionId": "ID", "name": "Two steps", "root": {"id": "root", "type": "Flowchart",
          "activities": [
            {"id": "read", "type": "CsvInput", "path": "designer/two.csv", "metadata": {"designer": {"position": {"x": 0, "y": 0}}}},
            {"id": "write", "type": "MarkdownOutput", "path": "out/two.md", "metadata": {"designer": {"position": {"x": 320, "y": 0}}}}
          ],
          "connections": [{"source": {"activity": "read", "port": "Done"}, "target": {"activity": "write", "port": "In"}}]}}
        """.Replace("\"ID\"", $"\"{id}\"");

    private async Task WaitForDefinitionAsync(string id)
    {
        for (var i = 0; i < 100; i++)
        {
            if ((await studio.Server.Admin.GetAsync($"/api/workflows/{id}")).IsSuccessStatusCode) return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"the workflows folder watcher did not load {id}");
    }
}
