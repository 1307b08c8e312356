using ElsaFlow.Engine.Store;

namespace ElsaFlow.Persistence.Tests.Store;

public abstract partial class WorkflowStoreContractTests
{
    private async Task InsertSampleInstancesAsync()
    {
        await InsertAsync(Instance("i1", WorkflowStatus.Running, "orders", T0.AddMinutes(1), "c-1"));
        await InsertAsync(Instance("i2", WorkflowStatus.Finished, "orders", T0.AddMinutes(2), "c-2"));
        await InsertAsync(Instance("i3", WorkflowStatus.Running, "customers", T0.AddMinutes(3), "c-1"));
        await InsertAsync(Instance("i4", WorkflowStatus.Faulted, "orders", T0.AddMinutes(4)) with { ParentInstanceId = "i1" });
    }

    [StoreFact]
    public async Task ListInstances_NoFilter_NewestFirstWithTotal()
    {
        await InsertSampleInstancesAsync();

        var page = await Store.ListInstancesAsync(new InstanceQuery());

        Assert.Equal(["i4", "i3", "i2", "i1"], page.Items.Select(i => i.Id));
        Assert.Equal(4, page.Total);
    }

    [StoreFact]
    public async Task ListInstances_ByDefinition_ReturnsOnlyItsInstances()
    {
        await InsertSampleInstancesAsync();

        var page = await Store.ListInstancesAsync(new InstanceQuery { DefinitionId = "orders" });

        Assert.Equal(["i4", "i2", "i1"], page.Items.Select(i => i.Id));
        Assert.Equal(3, page.Total);
    }

    [StoreFact]
    public async Task ListInstances_ByStatus_ReturnsOnlyThatStatus()
    {
        await InsertSampleInstancesAsync();

        var page = await Store.ListInstancesAsync(new InstanceQuery { Status = WorkflowStatus.Running });

        Assert.Equal(["i3", "i1"], page.Items.Select(i => i.Id));
    }

    [StoreFact]
    public async Task ListInstances_ByCorrelationAndParent_ReturnsMatches()
    {
        await InsertSampleInstancesAsync();

        var correlated = await Store.ListInstancesAsync(new InstanceQuery { CorrelationId = "c-1" });
        var children = await Store.ListInstancesAsync(new InstanceQuery { ParentInstanceId = "i1" });

        Assert.Equal(["i3", "i1"], correlated.Items.Select(i => i.Id));
        Assert.Equal(["i4"], children.Items.Select(i => i.Id));
    }

    [StoreFact]
    public async Task ListInstances_CreatedRange_IncludesAfterExcludesBefore()
    {
        await InsertSampleInstancesAsync();

        var page = await Store.ListInstancesAsync(new InstanceQuery { CreatedAfter = T0.AddMinutes(2), CreatedBefore = T0.AddMinutes(4) });

        Assert.Equal(["i3", "i2"], page.Items.Select(i => i.Id));
        Assert.Equal(2, page.Total);
    }

    [StoreFact]
    public async Task ListInstances_SkipAndTake_ReturnsPageAndFullTotal()
    {
        await InsertSampleInstancesAsync();

        var page = await Store.ListInstancesAsync(new InstanceQuery { Skip = 1, Take = 2 });

        Assert.Equal(["i3", "i2"], page.Items.Select(i => i.Id));
        Assert.Equal(4, page.Total);
    }

    [StoreFact]
    public async Task ListInstances_FiltersCombined_ApplyAll()
    {
        await InsertSampleInstancesAsync();

        var page = await Store.ListInstancesAsync(new InstanceQuery { DefinitionId = "orders", Status = WorkflowStatus.Running, CorrelationId = "c-1" });

        Assert.Equal(["i1"], page.Items.Select(i => i.Id));
        Assert.Equal(1, page.Total);
    }
}
