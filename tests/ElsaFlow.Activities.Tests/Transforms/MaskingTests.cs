using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Transforms;

public sealed class MaskingTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();

    public Task InitializeAsync()
    {
        _data.WriteFile("in.csv", "name,phone,email,card\nann,13812345678,ann.lee@example.com,1234567890\nbob,,bob@x.org,12\n");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Fact]
    public async Task Masking_EveryMode_MasksExactly()
    {
        var result = await _data.RunAsync(TransformFlow.Single("""
            {"id": "step", "type": "Masking", "columns": [
              {"column": "name", "mode": "hash"},
              {"column": "phone", "mode": "phone"},
              {"column": "email", "mode": "email", "sign": "#"},
              {"column": "card", "startIndex": 2, "length": 4}]}
            """));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var rows = await _data.RowsAsync(result, "step");
        Assert.Equal([
            "49915e0d7d4b402e3017d010bc1c0e83cac6c797d6c16e66340fe3268693a6a1|138****5678|a######@example.com|12****7890",
            "81b637d8fcd2c6da6359e6963113a1170de795e4b725b84d1e0b4cfd9ec58ce9|∅|b##@x.org|12"], TransformFlow.Sorted(rows));
    }

    [Fact]
    public async Task Masking_UnknownColumn_FaultsListingColumns()
    {
        var result = await _data.RunAsync(TransformFlow.Single("""{"id": "step", "type": "Masking", "columns": [{"column": "ssn"}]}"""));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("step", result.FaultedActivityId);
        Assert.Equal("columns: column 'ssn' does not exist; the input has name, phone, email, card", result.Error);
    }
}
