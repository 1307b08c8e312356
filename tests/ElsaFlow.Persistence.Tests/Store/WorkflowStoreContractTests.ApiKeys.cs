using ElsaFlow.Engine.Store;

namespace ElsaFlow.Persistence.Tests.Store;

public abstract partial class WorkflowStoreContractTests
{
    private IApiKeyRecordStore? _apiKeys;

    /// <summary>The API keys kept beside <see cref="Store"/>, in the same database.</summary>
    protected IApiKeyRecordStore ApiKeys => _apiKeys ??= CreateApiKeyStore();

    protected virtual IApiKeyRecordStore CreateApiKeyStore() => WorkflowStores.ApiKeys(Store);

    protected static ApiKeyRecord Key(string id, string hash, int minute = 0, string role = "operator") => new()
    {
        Id = id, Name = $"key {id}", Role = role, Hash = hash, CreatedAt = T0.AddMinutes(minute),
    };

    private static string Hash(char digit) => new(digit, 64);

    [StoreFact]
    public async Task ListApiKeys_NewStore_IsEmpty()
    {
        Assert.Empty(await ApiKeys.ListApiKeysAsync());
    }

    [StoreFact]
    public async Task TryAddApiKey_New_ListedWithEveryField()
    {
        var key = Key("k1", Hash('a'), role: "admin");

        var added = await ApiKeys.TryAddApiKeyAsync(key);

        Assert.True(added);
        Assert.Equal([key], await ApiKeys.ListApiKeysAsync());
    }

    [StoreFact]
    public async Task TryAddApiKey_HashAlreadyStored_RefusedAndFirstKept()
    {
        await ApiKeys.TryAddApiKeyAsync(Key("k1", Hash('a'), role: "viewer"));

        var added = await ApiKeys.TryAddApiKeyAsync(Key("k2", Hash('a'), role: "admin"));

        Assert.False(added);
        Assert.Equal([Key("k1", Hash('a'), role: "viewer")], await ApiKeys.ListApiKeysAsync());
    }

    [StoreFact]
    public async Task TryAddApiKey_IdAlreadyStored_Refused()
    {
        await ApiKeys.TryAddApiKeyAsync(Key("k1", Hash('a')));

        var added = await ApiKeys.TryAddApiKeyAsync(Key("k1", Hash('b')));

        Assert.False(added);
        Assert.Equal(Hash('a'), Assert.Single(await ApiKeys.ListApiKeysAsync()).Hash);
    }

    [StoreFact]
    public async Task ListApiKeys_Several_OldestFirst()
    {
        await ApiKeys.TryAddApiKeyAsync(Key("late", Hash('c'), minute: 3));
        await ApiKeys.TryAddApiKeyAsync(Key("early", Hash('a'), minute: 1));
        await ApiKeys.TryAddApiKeyAsync(Key("middle", Hash('b'), minute: 2));

        var keys = await ApiKeys.ListApiKeysAsync();

        Assert.Equal(["early", "middle", "late"], keys.Select(k => k.Id));
    }

    [StoreFact]
    public async Task SetApiKeyRole_KnownAndUnknownId_ChangesOnlyTheKnown()
    {
        await ApiKeys.TryAddApiKeyAsync(Key("k1", Hash('a'), role: "viewer"));

        var changed = await ApiKeys.SetApiKeyRoleAsync("k1", "admin");
        var unknown = await ApiKeys.SetApiKeyRoleAsync("nope", "admin");

        Assert.True(changed);
        Assert.False(unknown);
        Assert.Equal("admin", Assert.Single(await ApiKeys.ListApiKeysAsync()).Role);
    }

    [StoreFact]
    public async Task DeleteApiKey_KnownAndUnknownId_RemovesOnlyTheKnown()
    {
        await ApiKeys.TryAddApiKeyAsync(Key("k1", Hash('a')));
        await ApiKeys.TryAddApiKeyAsync(Key("k2", Hash('b'), minute: 1));

        var deleted = await ApiKeys.DeleteApiKeyAsync("k1");
        var unknown = await ApiKeys.DeleteApiKeyAsync("k1");

        Assert.True(deleted);
        Assert.False(unknown);
        Assert.Equal(["k2"], (await ApiKeys.ListApiKeysAsync()).Select(k => k.Id));
    }

    [StoreFact]
    public async Task TryAddApiKey_AfterDelete_SameHashAcceptedAgain()
    {
        await ApiKeys.TryAddApiKeyAsync(Key("k1", Hash('a')));
        await ApiKeys.DeleteApiKeyAsync("k1");

        var added = await ApiKeys.TryAddApiKeyAsync(Key("k2", Hash('a')));

        Assert.True(added);
    }
}
