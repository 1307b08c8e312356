using Microsoft.Playwright;

namespace ElsaFlow.Studio.Tests.Support;

/// <summary>A signed-in Studio tab: the Playwright page plus the console errors it logged (tests assert there are none).</summary>
public sealed class StudioPage : IAsyncDisposable
{
    public StudioPage(IPage page)
    {
        Page = page;
        page.Console += (_, message) => { if (message.Type == "error") ConsoleErrors.Add(message.Text); };
        page.PageError += (_, error) => ConsoleErrors.Add(error);
    }

    public IPage Page { get; }
    public List<string> ConsoleErrors { get; } = [];

    /// <summary>
    /// Takes a screenshot. The README's pictures in docs/screenshots are replaced only when ELSAFLOW_UPDATE_SCREENSHOTS=1,
    /// so an ordinary test run leaves the clone clean; otherwise they go to the ignored artifacts/screenshots.
    /// </summary>
    public Task ScreenshotAsync(string name)
    {
        var folder = Environment.GetEnvironmentVariable("ELSAFLOW_UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(RepositoryRoot(), "docs", "screenshots")
            : Path.Combine(RepositoryRoot(), "artifacts", "screenshots");
        return Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png") });
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ElsaFlow.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("The tests do not run inside the repository");
    }

    public async ValueTask DisposeAsync() => await Page.Context.CloseAsync();
}
