using System.Text.Json.Nodes;
using ElsaFlow.Studio.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ElsaFlow.Studio.Tests.Instances;

[Collection(StudioCollection.Name)]
public sealed class InstancePageTests(StudioFixture studio)
{
    private StudioServer Server => studio.Server;

    private static ILocator Node(IPage page, string activityId) => page.Locator($".react-flow__node [data-activity-id='{activityId}']");

    [Fact]
    public async Task PausedInstance_ResumedWithPayload_FinishesWithEveryNodeDone()
    {
        var flow = await Server.CreateFlowAsync(InstanceFlows.PauseFlow(InstanceFlows.UniqueId("approve")), publish: true);
        var instanceId = await Server.DispatchAsync(flow);
        await Server.WaitForStatusAsync(instanceId, "Suspended");

        await using var tab = await studio.OpenAsync(route: $"instances/{instanceId}");
        var page = tab.Page;
        await Expect(Node(page, "approval")).ToHaveAttributeAsync("data-status", "waiting");
        await Expect(page.Locator(".instance-header .status-badge")).ToHaveTextAsync("Suspended");

        await page.GetByRole(AriaRole.Button, new() { Name = "Resume…" }).ClickAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Resume" });
        await Expect(form.GetByRole(AriaRole.Radio)).ToBeCheckedAsync();
        await Expect(form).ToContainTextAsync("approval");
        var payload = form.GetByLabel("Payload");
        await payload.FillAsync("{\"approved\": true, by: ann}");
        await Expect(form).ToContainTextAsync("Not valid JSON");
        await Expect(form.GetByRole(AriaRole.Button, new() { Name = "Resume instance" })).ToBeDisabledAsync();
        await payload.FillAsync("{\"approved\": true, \"by\": \"ann\"}");
        await form.GetByRole(AriaRole.Button, new() { Name = "Resume instance" }).ClickAsync();
        await Server.WaitForStatusAsync(instanceId, "Finished");

        await Expect(page.Locator(".instance-header .status-badge")).ToHaveTextAsync("Finished");
        foreach (var activity in new[] { "approval", "record", "done" })
            await Expect(Node(page, activity)).ToHaveAttributeAsync("data-status", "done");
        var journal = page.GetByRole(AriaRole.Table, new() { Name = "Journal" });
        await Expect(journal.Locator("tr[data-kind='WorkflowResumed']")).ToContainTextAsync("Pause 'approve-");
        await Expect(journal.Locator("tr[data-kind='ActivityResumed']")).ToContainTextAsync("approval");
        await Expect(journal.Locator("tr[data-kind='WorkflowFinished']")).ToHaveCountAsync(1);
        var state = await Server.InstanceAsync(instanceId);
        Assert.Equal("ann", state["outputs"]!["approvedBy"]!.GetValue<string>());

        // What the run produced: its outputs (and inputs and variables) on their own pane.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Inputs & outputs" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Outputs", Exact = true })).ToContainTextAsync("approvedBy\"ann\"");

        // The Pause's output is the payload: shown in the Activity pane; the Data pane says it has no rows.
        await Node(page, "approval").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Output" })).ToContainTextAsync("\"by\": \"ann\"");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Data" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "No rows for approval" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Tabpanel)).ToContainTextAsync("is not a dataset");
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task DataFlow_ShowsSortRowsPagedWithSchema_AndDownloadsTheOutputFile()
    {
        var id = InstanceFlows.UniqueId("sorted");
        var names = new[] { "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu" };
        // Amounts 10, 20, ... 120 by id, with mu's amount missing (null sorts last).
        var csv = "id,name,amount\n" + string.Join("", names.Select((n, i) => $"{i + 1},{n},{(i == 11 ? "" : ((i + 1) * 10).ToString())}\n"));
        Server.WriteData($"{id}/sales.csv", csv);
        var flow = await Server.CreateFlowAsync(InstanceFlows.SortFlow(id, $"{id}/sales.csv", $"{id}/out/sorted.csv"), publish: true);
        var (instanceId, status) = await Server.ExecuteAsync(flow);
        Assert.Equal("Finished", status);

        await using var tab = await studio.OpenAsync(route: $"instances/{instanceId}");
        var page = tab.Page;
        foreach (var activity in new[] { "read", "top", "out" })
            await Expect(Node(page, activity)).ToHaveAttributeAsync("data-status", "done");
        await Expect(Node(page, "top")).ToContainTextAsync("12 rows");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Journal" }).Locator("tr[data-kind='ActivityCompleted']")).ToHaveCountAsync(4);
        await tab.ScreenshotAsync("instance");

        await Node(page, "top").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Activity" })).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(page.Locator(".activity-details")).ToContainTextAsync("Sort");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Data" }).ClickAsync();
        var preview = page.GetByRole(AriaRole.Region, new() { Name = "Output of top" });
        var schema = preview.GetByRole(AriaRole.List, new() { Name = "Schema" });
        await Expect(schema.GetByRole(AriaRole.Listitem)).ToHaveTextAsync(["id BIGINT", "name VARCHAR", "amount BIGINT"]);
        await Expect(preview.Locator(".data-row-count")).ToHaveTextAsync("12 rows");
        await Expect(preview).ToContainTextAsync("rows 1-12 of 12");
        var firstRow = preview.Locator("tbody tr").First;
        await Expect(firstRow.Locator("td")).ToHaveTextAsync(["1", "11", "lambda", "110"]);
        // The rows, not the graph, are the subject of this picture.
        await page.GetByRole(AriaRole.Tablist, new() { Name = "Instance panes" }).EvaluateAsync("e => e.scrollIntoView()");
        await tab.ScreenshotAsync("data-preview");

        await preview.GetByLabel("Page size").SelectOptionAsync("10");
        await Expect(preview).ToContainTextAsync("rows 1-10 of 12");
        await preview.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Expect(preview).ToContainTextAsync("rows 11-12 of 12");
        await Expect(preview.Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(preview.Locator("tbody tr").Last.Locator("td")).ToHaveTextAsync(["12", "12", "mu", "null"]);
        await Expect(preview.Locator("tbody tr").Last.Locator("td.null")).ToHaveCountAsync(1);
        await Expect(preview.GetByRole(AriaRole.Button, new() { Name = "Next" })).ToBeDisabledAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "Log" }).ClickAsync();
        var log = page.GetByRole(AriaRole.Table, new() { Name = "Log" });
        await Expect(log.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(log).ToContainTextAsync("wrote 12 rows");
        await page.GetByLabel("Search log").FillAsync("no such words");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "No line matches" })).ToBeVisibleAsync();
        await page.GetByLabel("Search log").FillAsync("WROTE");
        await Expect(log.Locator("tbody tr")).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Tab, new() { Name = "Files" }).ClickAsync();
        var files = page.GetByRole(AriaRole.Table, new() { Name = "Files" });
        await Expect(files).ToContainTextAsync("sorted.csv");
        await Expect(files).ToContainTextAsync("out");
        var download = await page.RunAndWaitForDownloadAsync(() => files.GetByRole(AriaRole.Button, new() { Name = "Download sorted.csv" }).ClickAsync());
        Assert.Equal("sorted.csv", download.SuggestedFilename);
        var saved = Path.Combine(Path.GetTempPath(), $"{id}-download.csv");
        await download.SaveAsAsync(saved);
        var lines = (await File.ReadAllTextAsync(saved)).TrimEnd('\n').Split('\n');
        File.Delete(saved);
        Assert.Equal("id,name,amount", lines[0]);
        Assert.Equal("11,lambda,110", lines[1]);
        Assert.Equal("1,alpha,10", lines[11]);
        Assert.Equal("12,mu,", lines[12]);
        Assert.Equal(13, lines.Length);
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task FaultedInstance_ShowsTheFaultInRed_AndRetryFinishesOnceTheFileExists()
    {
        var id = InstanceFlows.UniqueId("broken");
        var flow = await Server.CreateFlowAsync(InstanceFlows.SortFlow(id, $"{id}/missing.csv", $"{id}/out/sorted.csv"), publish: true);
        var (instanceId, status) = await Server.ExecuteAsync(flow);
        Assert.Equal("Faulted", status);

        await using var tab = await studio.OpenAsync(route: $"instances/{instanceId}");
        var page = tab.Page;
        await Expect(Node(page, "read")).ToHaveAttributeAsync("data-status", "faulted");
        await Expect(Node(page, "top")).ToHaveAttributeAsync("data-status", "");
        await Expect(page.Locator(".instance-header .status-badge")).ToHaveTextAsync("Faulted");
        var error = page.Locator(".instance-error");
        await Expect(error).ToContainTextAsync("Activity read faulted");
        await Expect(error).ToContainTextAsync("missing.csv");
        await Expect(error).ToHaveCSSAsync("color", "rgb(198, 40, 40)");
        var fault = page.GetByRole(AriaRole.Table, new() { Name = "Journal" }).Locator("tr[data-kind='ActivityFaulted']");
        await Expect(fault).ToContainTextAsync("missing.csv");
        await Expect(fault.Locator("td").First).ToHaveCSSAsync("color", "rgb(198, 40, 40)");
        var retry = page.GetByRole(AriaRole.Button, new() { Name = "Retry" });
        await Expect(retry).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Resume…" })).ToHaveCountAsync(0);

        Server.WriteData($"{id}/missing.csv", "id,name,amount\n1,a,5\n2,b,7\n");
        await retry.ClickAsync();
        await Expect(page.Locator(".instance-header .status-badge")).ToHaveTextAsync("Finished");
        foreach (var activity in new[] { "read", "top", "out" })
            await Expect(Node(page, activity)).ToHaveAttributeAsync("data-status", "done");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Retry" })).ToHaveCountAsync(0);
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task WaitingOnAnEvent_RaiseEventFromThePage_Finishes()
    {
        var eventName = InstanceFlows.UniqueId("go");
        var flow = await Server.CreateFlowAsync(InstanceFlows.EventFlow(InstanceFlows.UniqueId("event"), eventName), publish: true);
        var instanceId = await Server.DispatchAsync(flow);
        await Server.WaitForStatusAsync(instanceId, "Suspended");

        await using var tab = await studio.OpenAsync(route: $"instances/{instanceId}");
        var page = tab.Page;
        await Expect(Node(page, "wait")).ToHaveAttributeAsync("data-status", "waiting");
        await page.GetByRole(AriaRole.Button, new() { Name = "Raise event…" }).ClickAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Raise event" });
        await Expect(form.GetByLabel("Event name")).ToHaveValueAsync(eventName);
        await form.GetByLabel("Event payload").FillAsync("{\"colour\": \"green\"}");
        await form.GetByRole(AriaRole.Button, new() { Name = "Raise event" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "resumed" })).ToHaveTextAsync($"Event '{eventName}' resumed 1 instance");
        await Expect(page.Locator(".instance-header .status-badge")).ToHaveTextAsync("Finished");
        await Expect(Node(page, "say")).ToHaveAttributeAsync("data-status", "done");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Log" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Log" })).ToContainTextAsync("got green");
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task Cancel_ThenDelete_RemovesTheInstanceAndGoesBackToTheList()
    {
        var flow = await Server.CreateFlowAsync(InstanceFlows.PauseFlow(InstanceFlows.UniqueId("dropped")), publish: true);
        var instanceId = await Server.DispatchAsync(flow);
        await Server.WaitForStatusAsync(instanceId, "Suspended");

        await using var tab = await studio.OpenAsync(Server.OperatorKey, $"instances/{instanceId}");
        var page = tab.Page;
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).ClickAsync();
        await Expect(page.Locator(".instance-header .status-badge")).ToHaveTextAsync("Cancelled");
        await Expect(Node(page, "approval")).ToHaveAttributeAsync("data-status", "cancelled");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Resume…" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete…" }).ClickAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Confirm delete" }).GetByRole(AriaRole.Button, new() { Name = "Delete instance" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Instances" })).ToBeVisibleAsync();
        Assert.EndsWith("/studio/instances", page.Url);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await Server.Admin.GetAsync($"/api/instances/{instanceId}")).StatusCode);
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task Viewer_SeesTheInstance_ButNoActions()
    {
        var flow = await Server.CreateFlowAsync(InstanceFlows.PauseFlow(InstanceFlows.UniqueId("viewed")), publish: true);
        var instanceId = await Server.DispatchAsync(flow);
        await Server.WaitForStatusAsync(instanceId, "Suspended");

        await using var tab = await studio.OpenAsync(Server.ViewerKey, $"instances/{instanceId}");
        var page = tab.Page;
        await Expect(Node(page, "approval")).ToHaveAttributeAsync("data-status", "waiting");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Journal" }).Locator("tr[data-kind='ActivitySuspended']")).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Toolbar, new() { Name = "Instance actions" })).ToHaveCountAsync(0);
        foreach (var name in new[] { "Cancel", "Resume…", "Raise event…", "Retry", "Delete…" })
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true })).ToHaveCountAsync(0);
        Assert.Empty(tab.ConsoleErrors);
    }
}
