namespace ElsaFlow.Persistence.Tests.Store;

public abstract partial class WorkflowStoreContractTests
{
    [StoreFact]
    public async Task GetBookmark_ById_ReturnsIt()
    {
        var bookmark = Bookmark("b1", "i1", name: "Signal", matchKey: "go", resumeAt: T0.AddDays(1));
        await InsertAsync(Instance("i1"), bookmark);

        Assert.Equal(bookmark, await Store.GetBookmarkAsync("b1"));
    }

    [StoreFact]
    public async Task GetBookmark_Unknown_ReturnsNull()
    {
        Assert.Null(await Store.GetBookmarkAsync("missing"));
    }

    [StoreFact]
    public async Task FindBookmarks_NameAndMatchKey_ReturnsOnlyMatches()
    {
        await InsertAsync(Instance("i1"), Bookmark("b1", "i1", name: "OrderReceived", matchKey: "order-1"), Bookmark("b2", "i1", name: "OrderReceived", matchKey: "order-2"));
        await InsertAsync(Instance("i2"), Bookmark("b3", "i2", name: "OrderReceived", matchKey: "order-1"), Bookmark("b4", "i2", name: "Other", matchKey: "order-1"));

        var found = await Store.FindBookmarksAsync("OrderReceived", "order-1");

        Assert.Equal(["b1", "b3"], found.Select(b => b.Id).Order());
    }

    [StoreFact]
    public async Task FindBookmarks_NullMatchKey_FindsOnlyBookmarksWithoutKey()
    {
        await InsertAsync(Instance("i1"), Bookmark("b1", "i1", name: "Pause"), Bookmark("b2", "i1", name: "Pause", matchKey: "k"));

        var found = await Store.FindBookmarksAsync("Pause", null);

        Assert.Equal(["b1"], found.Select(b => b.Id));
    }

    [StoreFact]
    public async Task ListTimers_SeveralInstances_SoonestFirstWithoutPlainBookmarks()
    {
        await InsertAsync(Instance("i1"), Bookmark("late", "i1", resumeAt: T0.AddHours(2)), Bookmark("event", "i1"));
        await InsertAsync(Instance("i2"), Bookmark("soon", "i2", resumeAt: T0.AddMinutes(1)), Bookmark("middle", "i2", resumeAt: T0.AddHours(1)));

        var timers = await Store.ListTimersAsync();

        Assert.Equal(["soon", "middle", "late"], timers.Select(b => b.Id));
    }

    [StoreFact]
    public async Task ListTimers_DueBefore_LeavesOutLaterTimers()
    {
        await InsertAsync(Instance("i1"), Bookmark("due", "i1", resumeAt: T0.AddMinutes(1)), Bookmark("later", "i1", resumeAt: T0.AddHours(1)));

        var timers = await Store.ListTimersAsync(T0.AddMinutes(30));

        Assert.Equal(["due"], timers.Select(b => b.Id));
    }

    [StoreFact]
    public async Task ListTimers_NonUtcOffsets_OrderedByInstant()
    {
        var plusTwo = TimeSpan.FromHours(2);
        await InsertAsync(Instance("i1"),
            Bookmark("first", "i1", resumeAt: new DateTimeOffset(2025, 3, 1, 13, 0, 0, plusTwo)),
            Bookmark("second", "i1", resumeAt: new DateTimeOffset(2025, 3, 1, 11, 30, 0, TimeSpan.Zero)));

        var timers = await Store.ListTimersAsync();

        Assert.Equal(["first", "second"], timers.Select(b => b.Id));
    }
}
