using ElsaFlow.Engine.Store;

namespace ElsaFlow.Persistence.Tests.Store;

public abstract partial class WorkflowStoreContractTests
{
    private IConnectionRecordStore? _connections;

    /// <summary>The named connections kept beside <see cref="Store"/>, in the same database.</summary>
    protected IConnectionRecordStore Connections => _connections ??= CreateConnectionStore();

    protected virtual IConnectionRecordStore CreateConnectionStore() => WorkflowStores.Connections(Store);

    protected static ConnectionRecord Connection(string name, string kind = "mysql", string secret = "cipher-1", int minute = 0) => new()
    {
        Name = name, Kind = kind, ProtectedConnectionString = secret, OptionsJson = """{"timeout":"30"}""",
        CreatedAt = T0.AddMinutes(minute), UpdatedAt = T0.AddMinutes(minute),
    };

    [StoreFact]
    public async Task ListConnections_NewStore_IsEmpty()
    {
        Assert.Empty(await Connections.ListConnectionsAsync());
    }

    [StoreFact]
    public async Task TryAddConnection_New_ListedAndFoundWithEveryField()
    {
        var connection = Connection("Warehouse", kind: "postgres");

        var added = await Connections.TryAddConnectionAsync(connection);

        Assert.True(added);
        Assert.Equal([connection], await Connections.ListConnectionsAsync());
        Assert.Equal(connection, await Connections.GetConnectionAsync("Warehouse"));
    }

    [StoreFact]
    public async Task GetConnection_OtherCase_FoundUnderItsOwnName()
    {
        await Connections.TryAddConnectionAsync(Connection("Warehouse"));

        var found = await Connections.GetConnectionAsync("wAREHOUSE");

        Assert.Equal("Warehouse", found?.Name);
        Assert.Null(await Connections.GetConnectionAsync("other"));
    }

    [StoreFact]
    public async Task TryAddConnection_NameTakenInAnotherCase_RefusedAndFirstKept()
    {
        await Connections.TryAddConnectionAsync(Connection("warehouse", secret: "first"));

        var added = await Connections.TryAddConnectionAsync(Connection("WAREHOUSE", secret: "second"));

        Assert.False(added);
        var kept = Assert.Single(await Connections.ListConnectionsAsync());
        Assert.Equal(("warehouse", "first"), (kept.Name, kept.ProtectedConnectionString));
    }

    [StoreFact]
    public async Task ListConnections_Several_ByNameIgnoringCase()
    {
        await Connections.TryAddConnectionAsync(Connection("charlie"));
        await Connections.TryAddConnectionAsync(Connection("Alpha", minute: 1));
        await Connections.TryAddConnectionAsync(Connection("bravo", minute: 2));

        var connections = await Connections.ListConnectionsAsync();

        Assert.Equal(["Alpha", "bravo", "charlie"], connections.Select(c => c.Name));
    }

    [StoreFact]
    public async Task UpdateConnection_Known_ReplacesKindSecretOptionsAndUpdatedAtOnly()
    {
        await Connections.TryAddConnectionAsync(Connection("Warehouse", kind: "mysql", secret: "old"));
        var changed = Connection("warehouse", kind: "postgres", secret: "new", minute: 5) with { OptionsJson = "{}" };

        var updated = await Connections.UpdateConnectionAsync(changed);

        Assert.True(updated);
        var stored = await Connections.GetConnectionAsync("Warehouse");
        Assert.Equal(Connection("Warehouse", kind: "postgres", secret: "new") with { OptionsJson = "{}", UpdatedAt = T0.AddMinutes(5) }, stored);
    }

    [StoreFact]
    public async Task UpdateConnection_Unknown_FalseAndNothingAdded()
    {
        var updated = await Connections.UpdateConnectionAsync(Connection("ghost"));

        Assert.False(updated);
        Assert.Empty(await Connections.ListConnectionsAsync());
    }

    [StoreFact]
    public async Task DeleteConnection_KnownAndUnknown_RemovesOnlyTheKnown()
    {
        await Connections.TryAddConnectionAsync(Connection("a"));
        await Connections.TryAddConnectionAsync(Connection("b"));

        var deleted = await Connections.DeleteConnectionAsync("A");
        var unknown = await Connections.DeleteConnectionAsync("a");

        Assert.True(deleted);
        Assert.False(unknown);
        Assert.Equal(["b"], (await Connections.ListConnectionsAsync()).Select(c => c.Name));
    }

    [StoreFact]
    public async Task TryAddConnection_AfterDelete_NameAcceptedAgain()
    {
        await Connections.TryAddConnectionAsync(Connection("a", secret: "one"));
        await Connections.DeleteConnectionAsync("a");

        var added = await Connections.TryAddConnectionAsync(Connection("a", secret: "two"));

        Assert.True(added);
        Assert.Equal("two", (await Connections.GetConnectionAsync("a"))?.ProtectedConnectionString);
    }
}
