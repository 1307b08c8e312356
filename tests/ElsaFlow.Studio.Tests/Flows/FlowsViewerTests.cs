using System.Net;
using ElsaFlow.Studio.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ElsaFlow.Studio.Tests.Flows;

[Collection(StudioCollection.Name)]
public sealed class FlowsViewerTests(StudioFixture studio)
{
    [Fact]
    public async Task ViewerKey_SeesTheFlowsButNoEditControls_AndTheApiRefusesItsCreate()
    {
        await studio.Server.CreateFlowAsync(TestFlows.Hello("viewer-sees-this"));
        await using var tab = await studio.OpenAsync(studio.Server.ViewerKey, "flows");
        var page = tab.Page;

        var row = page.Locator("tr[data-flow='viewer-sees-this']");
        await Expect(row).ToContainTextAsync("draft v1");
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = "Open viewer-sees-this" })).ToBeVisibleAsync();
        await Expect(row.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "New flow" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Import…" })).ToHaveCountAsync(0);
        await Expect(page.GetByLabel("Import flow file")).ToHaveCountAsync(0);
        Assert.Empty(tab.ConsoleErrors);

        // The same key, straight to the API from the signed-in page: creating is refused.
        var status = await page.EvaluateAsync<int>("""
            async () => (await fetch('/api/workflows', {
              method: 'POST',
              headers: { 'X-Api-Key': sessionStorage.getItem('elsaflow.key'), 'Content-Type': 'application/json' },
              body: JSON.stringify({ definitionId: 'viewer-made-this', root: { id: 'root', type: 'Flowchart', activities: [], connections: [] } })
            })).status
            """);
        Assert.Equal((int)HttpStatusCode.Forbidden, status);
        Assert.Equal(HttpStatusCode.NotFound, (await studio.Server.Admin.GetAsync("/api/workflows/viewer-made-this")).StatusCode);
    }
}
