using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Outputs;

public sealed class ConsoleOutputTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();

    public Task InitializeAsync()
    {
        _data.WriteFile("sales.csv", "id,name,amount\n1,ann,5\n2,bobby,1234\n3,,7\n");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Fact]
    public async Task ConsoleOutput_FirstRows_LogsAnAlignedTable()
    {
        var result = await _data.RunAsync(OutputFlow.Chain("""{"id": "out", "type": "ConsoleOutput", "rows": 2}"""));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var log = Assert.Single(await _data.LogsAsync(result, "out"));
        // read is a view (CsvInput's default when one chain reads it): its total is not known without reading it all.
        Assert.Equal("""
            2 rows:
            id | name  | amount
            ---+-------+-------
             1 | ann   |      5
             2 | bobby |   1234
            """, log);
        Assert.Equal(3, (await _data.RowsAsync(result, "after")).Count);
    }

    [Fact]
    public async Task ConsoleOutput_Nulls_ShowAsNull()
    {
        var result = await _data.RunAsync(OutputFlow.Chain("""{"id": "out", "type": "ConsoleOutput"}"""));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.EndsWith(" 3 | NULL  |      7", Assert.Single(await _data.LogsAsync(result, "out")));
    }

    [Fact]
    public async Task ConsoleOutput_NegativeRows_Faults()
    {
        var result = await _data.RunAsync(OutputFlow.Chain("""{"id": "out", "type": "ConsoleOutput", "rows": -1}"""));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("out", result.FaultedActivityId);
        Assert.Equal("rows: -1 is negative; give how many rows to show", result.Error);
    }
}
