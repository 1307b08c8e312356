using ElsaFlow.Activities.Preview;
using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Data.Workspace;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Data;

/// <summary>
/// Reading an instance's results after retention deleted its workspace: a clear "gone", and no empty workspace file
/// brought back (opening a DuckDB file creates it, and nothing would delete it again).
/// </summary>
public sealed class WorkspaceDeletionTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _data.DisposeAsync();

    private async Task<string> RunAndDeleteAsync()
    {
        var result = await _data.RunAsync("""
            {"definitionId": "kept", "root": {"id": "root", "type": "Sequence", "activities": [
               {"id": "fake", "type": "FakerInput", "rows": 3, "columns": ["city"], "seed": 1}]}}
            """);
        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.True(_data.Workspaces.Exists(result.InstanceId));
        _data.Workspaces.Delete(result.InstanceId);
        return result.InstanceId;
    }

    [Fact]
    public async Task Preview_AfterTheWorkspaceWasDeleted_IsGoneAndCreatesNoFile()
    {
        var instanceId = await RunAndDeleteAsync();

        var error = await Assert.ThrowsAsync<PreviewException>(() => _data.Previewer.PreviewAsync(instanceId, "fake"));

        Assert.Equal(PreviewProblem.Gone, error.Problem);
        Assert.False(_data.Workspaces.Exists(instanceId));
    }

    [Fact]
    public async Task CountRows_AfterTheWorkspaceWasDeleted_CountsNothingAndCreatesNoFile()
    {
        var instanceId = await RunAndDeleteAsync();

        var counts = await _data.Previewer.CountRowsAsync(instanceId);

        Assert.Empty(counts);
        Assert.False(_data.Workspaces.Exists(instanceId));
    }

    [Fact]
    public async Task OpenExisting_DeletedWorkspace_IsNullAndCreatesNoFile()
    {
        var instanceId = await RunAndDeleteAsync();

        Assert.Null(await _data.Workspaces.OpenExistingAsync(instanceId));
        Assert.False(_data.Workspaces.Exists(instanceId));
    }
}
