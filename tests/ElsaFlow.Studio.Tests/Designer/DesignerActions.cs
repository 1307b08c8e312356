using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ElsaFlow.Studio.Tests.Designer;

/// <summary>What a user does on the designer canvas, as Playwright steps: drag from the palette, connect ports, pick a node.</summary>
internal static class DesignerActions
{
    public static ILocator Node(IPage page, string id) => page.Locator($".react-flow__node[data-id=\"{id}\"]");

    public static ILocator Canvas(IPage page) => page.Locator(".designer-canvas .react-flow__pane");

    /// <summary>Drags a palette item onto the canvas with real HTML5 drag and drop, dropping it at (x, y) of the canvas.</summary>
    public static async Task DragFromPaletteAsync(IPage page, string type, float x, float y)
    {
        var item = page.GetByRole(AriaRole.Complementary, new() { Name = "Activities" }).GetByRole(AriaRole.Button, new() { Name = type, Exact = true });
        await item.DragToAsync(Canvas(page), new() { TargetPosition = new TargetPosition { X = x, Y = y } });
    }

    /// <summary>
    /// Connects an outcome port to an input port the way a user does: press on one handle, move in steps, release on the
    /// other. Keep both handles away from the canvas edges: React Flow pans while a connection nears an edge.
    /// </summary>
    public static async Task ConnectAsync(IPage page, string source, string outcome, string target, string input = "In")
    {
        var from = await BoxAsync(Node(page, source).Locator($".react-flow__handle.source[data-handleid=\"{outcome}\"]"));
        var to = await BoxAsync(Node(page, target).Locator($".react-flow__handle.target[data-handleid=\"{input}\"]"));
        await page.Mouse.MoveAsync(from.X + from.Width / 2, from.Y + from.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((from.X + to.X) / 2, (from.Y + to.Y) / 2 + 20, new() { Steps = 8 });
        await page.Mouse.MoveAsync(to.X + to.Width / 2, to.Y + to.Height / 2, new() { Steps = 8 });
        await page.Mouse.UpAsync();
    }

    public static async Task SelectAsync(IPage page, string id) => await Node(page, id).Locator(".activity-node-title").ClickAsync();

    private static async Task<LocatorBoundingBoxResult> BoxAsync(ILocator locator)
    {
        await Expect(locator).ToBeVisibleAsync();
        return (await locator.BoundingBoxAsync())!;
    }
}
