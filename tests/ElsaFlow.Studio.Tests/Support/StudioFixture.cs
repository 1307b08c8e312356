using Microsoft.Playwright;

namespace ElsaFlow.Studio.Tests.Support;

/// <summary>
/// One server and one headless Chromium (Debian's, driven by Playwright's bundled driver; nothing is downloaded) shared
/// by the tests of a collection; every test opens its own browser context, so sessions never leak between tests.
/// </summary>
public sealed class StudioFixture : IAsyncLifetime
{
    public StudioServer Server { get; } = new();
    public IBrowser Browser { get; private set; } = null!;
    private IPlaywright _playwright = null!;

    public async Task InitializeAsync()
    {
        await Server.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu"],
        });
    }

    /// <summary>Opens the Studio signed in with the given key (admin by default) at 1280x800; records console errors.</summary>
    public async Task<StudioPage> OpenAsync(string? key = null, string route = "")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.Address.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        var studio = new StudioPage(page);
        await page.GotoAsync("/studio/" + route);
        await page.GetByLabel("API key").FillAsync(key ?? StudioServer.AdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Sections" }).WaitForAsync();
        return studio;
    }

    private static string ChromiumPath()
    {
        foreach (var candidate in new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" })
            if (File.Exists(candidate)) return candidate;
        throw new InvalidOperationException("Chromium is not installed: ./test.sh installs the Debian package 'chromium'");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class StudioCollection : ICollectionFixture<StudioFixture>
{
    public const string Name = "Studio";
}
