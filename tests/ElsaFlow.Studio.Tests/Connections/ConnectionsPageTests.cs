using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ElsaFlow.Studio.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ElsaFlow.Studio.Tests.Connections;

/// <summary>The Connections page in a real browser: an operator creates, edits (secret left unchanged), tests and deletes; a viewer only reads.</summary>
[Collection(StudioCollection.Name)]
public sealed class ConnectionsPageTests(StudioFixture studio)
{
    private const string Password = "Studio-Pa55-word";

    [Fact]
    public async Task Operator_CreatesEditsTestsAndDeletes_PasswordNeverOnThePage()
    {
        await using var tab = await studio.OpenAsync(studio.Server.OperatorKey, "connections");
        var page = tab.Page;

        await page.GetByRole(AriaRole.Button, new() { Name = "New connection" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync("studio-dw");
        await page.GetByLabel("Kind").FillAsync("postgres");
        await page.GetByLabel("Connection string").FillAsync($"Host=db.internal;Database=dw;Username=etl;Password={Password}");
        await page.GetByLabel("Options").FillAsync("schema=sales");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();

        var row = page.GetByRole(AriaRole.Table, new() { Name = "Connections" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "studio-dw" });
        await Expect(row).ToContainTextAsync("password=***", new() { IgnoreCase = true });
        Assert.DoesNotContain(Password, await page.ContentAsync(), StringComparison.Ordinal);

        await row.GetByRole(AriaRole.Button, new() { Name = "Edit studio-dw" }).ClickAsync();
        await Expect(page.GetByLabel("Connection string")).ToHaveValueAsync("");
        await page.GetByLabel("Kind").FillAsync("no-such-client");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(row.GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("no-such-client");
        await Expect(row).ToContainTextAsync("database=dw", new() { IgnoreCase = true });

        await row.GetByRole(AriaRole.Button, new() { Name = "Test studio-dw" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("cannot be tested: no client on this server speaks kind 'no-such-client'");

        await row.GetByRole(AriaRole.Button, new() { Name = "Delete studio-dw" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        Assert.DoesNotContain(Password, await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Viewer_SeesNamesAndKindsOnly()
    {
        (await studio.Server.Admin.PostAsJsonAsync("/api/connections", new JsonObject
        {
            ["name"] = "viewer-sees", ["kind"] = "mysql", ["connectionString"] = $"Server=crm;User ID=bi;Password={Password}",
        })).EnsureSuccessStatusCode();
        await using var tab = await studio.OpenAsync(studio.Server.ViewerKey, "connections");
        var page = tab.Page;

        var row = page.GetByRole(AriaRole.Table, new() { Name = "Connections" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "viewer-sees" });
        await Expect(row).ToHaveTextAsync("viewer-seesmysql");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "New connection" })).ToHaveCountAsync(0);
        await Expect(row.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        Assert.DoesNotContain("crm", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(tab.ConsoleErrors);
    }
}
