using ElsaFlow.Engine.Store;
using ElsaFlow.Persistence.EntityFramework;
using ElsaFlow.Persistence.Sqlite;

namespace ElsaFlow.Persistence.Tests.Sqlite;

public sealed class SqliteScheduleStoreTests(SqliteTempFolder folder) : IClassFixture<SqliteTempFolder>
{
    private static readonly DateTimeOffset Noon = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static ScheduleClaim Claim(string by) => new()
    {
        DefinitionId = "nightly", ActivityId = "cron", Occurrence = Noon, Status = ScheduleClaimStatus.Claimed, ClaimedBy = by, ClaimedAt = Noon
    };

    [Fact]
    public async Task TryClaim_TwoStoresOnOneDatabase_OnlyTheFirstWins()
    {
        var path = folder.NewDatabasePath();
        using var first = SqliteWorkflowStore.Open(path);
        using var second = SqliteWorkflowStore.Open(path);
        var a = new EfScheduleStore(first.CreateContext);
        var b = new EfScheduleStore(second.CreateContext);

        var claims = await Task.WhenAll(a.TryClaimAsync(Claim("a")), b.TryClaimAsync(Claim("b")));

        Assert.Single(claims, won => won);
        Assert.Single(await a.ListClaimsAsync("nightly", "cron"));
    }

    [Fact]
    public async Task TryUpdate_FromWrongStatus_IsFalse_FromRightStatusMovesIt()
    {
        using var store = SqliteWorkflowStore.Open(folder.NewDatabasePath());
        var claims = new EfScheduleStore(store.CreateContext);
        await claims.TryClaimAsync(Claim("a"));

        Assert.False(await claims.TryUpdateAsync("nightly", "cron", Noon, ScheduleClaimStatus.Queued, ScheduleClaimStatus.Started, "i1"));
        Assert.True(await claims.TryUpdateAsync("nightly", "cron", Noon, ScheduleClaimStatus.Claimed, ScheduleClaimStatus.Started, "i1"));

        var claim = Assert.Single(await claims.ListClaimsAsync("nightly", "cron", ScheduleClaimStatus.Started));
        Assert.Equal("i1", claim.InstanceId);
    }
}
