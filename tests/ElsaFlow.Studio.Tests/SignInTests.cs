using ElsaFlow.Studio.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ElsaFlow.Studio.Tests;

[Collection(StudioCollection.Name)]
public sealed class SignInTests(StudioFixture studio)
{
    [Fact]
    public async Task AdminKey_SignsIn_AndShowsItsRole()
    {
        await using var tab = await studio.OpenAsync();
        await Expect(tab.Page.Locator(".topbar .role")).ToHaveTextAsync("admin");
        await Expect(tab.Page.GetByRole(AriaRole.Link, new() { Name = "Flows" })).ToHaveAttributeAsync("aria-current", "page");
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task UnknownKey_IsRefused_WithAClearMessage()
    {
        var context = await studio.Browser.NewContextAsync(new() { BaseURL = studio.Server.Address.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/studio/");
        await page.GetByLabel("API key").FillAsync("not-a-key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("This API key is not known to the server.");
        await context.CloseAsync();
    }

    [Fact]
    public async Task ViewerKey_SignsIn_AsViewer()
    {
        await using var tab = await studio.OpenAsync(studio.Server.ViewerKey);
        await Expect(tab.Page.Locator(".topbar .role")).ToHaveTextAsync("viewer");
    }
}
