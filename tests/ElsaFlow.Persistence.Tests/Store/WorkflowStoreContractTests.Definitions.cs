using ElsaFlow.Engine.Store;

namespace ElsaFlow.Persistence.Tests.Store;

public abstract partial class WorkflowStoreContractTests
{
    [StoreFact]
    public async Task SaveDefinition_NewVersions_OnlyHighestIsLatest()
    {
        await Store.SaveDefinitionAsync(Definition("orders", 1));

        var saved = await Store.SaveDefinitionAsync(Definition("orders", 2));

        var versions = await Store.ListDefinitionVersionsAsync("orders");
        Assert.True(saved.IsLatest);
        Assert.Equal([false, true], versions.Select(v => v.IsLatest));
    }

    [StoreFact]
    public async Task SaveDefinition_ExistingVersion_ReplacesIt()
    {
        await Store.SaveDefinitionAsync(Definition("orders", 1));

        await Store.SaveDefinitionAsync(Definition("orders", 1) with { Json = "{\"changed\":true}" });

        var versions = await Store.ListDefinitionVersionsAsync("orders");
        Assert.Single(versions);
        Assert.Equal("{\"changed\":true}", versions[0].Json);
    }

    [StoreFact]
    public async Task SaveDefinition_AllFields_RoundTrip()
    {
        var definition = Definition("orders", 1, published: true) with { IsLatest = true };

        await Store.SaveDefinitionAsync(definition);

        Assert.Equal(definition, await Store.GetDefinitionAsync("orders", 1));
    }

    [StoreFact]
    public async Task GetDefinition_NoVersion_ReturnsLatest()
    {
        await Store.SaveDefinitionAsync(Definition("orders", 2));
        await Store.SaveDefinitionAsync(Definition("orders", 1));

        var latest = await Store.GetDefinitionAsync("orders");

        Assert.Equal(2, latest?.Version);
        Assert.True(latest?.IsLatest);
    }

    [StoreFact]
    public async Task GetDefinition_SpecificVersion_ReturnsThatVersion()
    {
        await Store.SaveDefinitionAsync(Definition("orders", 1));
        await Store.SaveDefinitionAsync(Definition("orders", 2));

        var first = await Store.GetDefinitionAsync("orders", 1);

        Assert.Equal(1, first?.Version);
        Assert.False(first?.IsLatest);
    }

    [StoreFact]
    public async Task GetDefinition_Unknown_ReturnsNull()
    {
        await Store.SaveDefinitionAsync(Definition("orders", 1));

        Assert.Null(await Store.GetDefinitionAsync("missing"));
        Assert.Null(await Store.GetDefinitionAsync("orders", 7));
    }

    [StoreFact]
    public async Task ListDefinitionVersions_SavedOutOfOrder_ReturnsVersionOrder()
    {
        await Store.SaveDefinitionAsync(Definition("orders", 3));
        await Store.SaveDefinitionAsync(Definition("orders", 1));
        await Store.SaveDefinitionAsync(Definition("orders", 2));

        var versions = await Store.ListDefinitionVersionsAsync("orders");

        Assert.Equal([1, 2, 3], versions.Select(v => v.Version));
    }

    [StoreFact]
    public async Task ListDefinitions_SeveralVersions_ReturnsLatestPerDefinition()
    {
        await Store.SaveDefinitionAsync(Definition("a-flow", 1));
        await Store.SaveDefinitionAsync(Definition("a-flow", 2));
        await Store.SaveDefinitionAsync(Definition("b-flow", 1));

        var definitions = await Store.ListDefinitionsAsync();

        Assert.Equal(["a-flow:2", "b-flow:1"], definitions.Select(d => $"{d.DefinitionId}:{d.Version}"));
    }

    [StoreFact]
    public async Task ListDefinitions_Search_MatchesIdOrNameIgnoringCase()
    {
        await Store.SaveDefinitionAsync(Definition("orders", 1, name: "Nightly Import"));
        await Store.SaveDefinitionAsync(Definition("customers", 1, name: "Customer sync"));
        await Store.SaveDefinitionAsync(Definition("other", 1, name: "Other"));

        var byName = await Store.ListDefinitionsAsync("IMPORT");
        var byId = await Store.ListDefinitionsAsync("Custom");

        Assert.Equal(["orders"], byName.Select(d => d.DefinitionId));
        Assert.Equal(["customers"], byId.Select(d => d.DefinitionId));
    }

    [StoreFact]
    public async Task PublishDefinition_AnotherVersionPublished_OnlyOneIsPublished()
    {
        await Store.SaveDefinitionAsync(Definition("orders", 1, published: true));
        await Store.SaveDefinitionAsync(Definition("orders", 2));

        await Store.PublishDefinitionAsync("orders", 2);

        var versions = await Store.ListDefinitionVersionsAsync("orders");
        Assert.Equal([false, true], versions.Select(v => v.IsPublished));
        Assert.Equal(2, (await Store.GetPublishedDefinitionAsync("orders"))?.Version);
    }

    [StoreFact]
    public async Task SaveDefinition_PublishedVersion_UnpublishesTheOthers()
    {
        await Store.SaveDefinitionAsync(Definition("orders", 1, published: true));

        await Store.SaveDefinitionAsync(Definition("orders", 2, published: true));

        var versions = await Store.ListDefinitionVersionsAsync("orders");
        Assert.Equal([false, true], versions.Select(v => v.IsPublished));
    }

    [StoreFact]
    public async Task PublishDefinition_UnknownVersion_ThrowsKeyNotFound()
    {
        await Store.SaveDefinitionAsync(Definition("orders", 1, published: true));

        await Assert.ThrowsAsync<KeyNotFoundException>(() => Store.PublishDefinitionAsync("orders", 5));

        Assert.Equal(1, (await Store.GetPublishedDefinitionAsync("orders"))?.Version);
    }

    [StoreFact]
    public async Task GetPublishedDefinition_NonePublished_ReturnsNull()
    {
        await Store.SaveDefinitionAsync(Definition("orders", 1));

        Assert.Null(await Store.GetPublishedDefinitionAsync("orders"));
    }

    [StoreFact]
    public async Task UnpublishDefinition_Published_LeavesNoPublishedVersion()
    {
        await Store.SaveDefinitionAsync(Definition("orders", 1, published: true));

        await Store.UnpublishDefinitionAsync("orders");

        Assert.Null(await Store.GetPublishedDefinitionAsync("orders"));
        Assert.NotNull(await Store.GetDefinitionAsync("orders", 1));
    }

    [StoreFact]
    public async Task DeleteDefinition_Existing_RemovesEveryVersion()
    {
        await Store.SaveDefinitionAsync(Definition("orders", 1));
        await Store.SaveDefinitionAsync(Definition("orders", 2));
        await Store.SaveDefinitionAsync(Definition("kept", 1));

        var deleted = await Store.DeleteDefinitionAsync("orders");

        Assert.True(deleted);
        Assert.Empty(await Store.ListDefinitionVersionsAsync("orders"));
        Assert.Equal(["kept"], (await Store.ListDefinitionsAsync()).Select(d => d.DefinitionId));
    }

    [StoreFact]
    public async Task DeleteDefinition_Unknown_ReturnsFalse()
    {
        Assert.False(await Store.DeleteDefinitionAsync("missing"));
    }
}
