using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Preview;

/// <summary>Rows per activity come from the queries that ran: no view is run again to count it.</summary>
public sealed class ActivityRowCountTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Fact]
    public async Task CountRowsAsync_ViewsWrittenByAnOutputOrFeedingATable_CountOnlyWhatTheRunsQueriesGave()
    {
        _data.WriteFile("people.csv", "id,amount\n1,5\n2,20\n3,15\n4,40\n5,8\n");
        // read (view) -> big (Filter, view) -> write (CsvOutput): write's COPY counts big's rows; read is never counted.
        // read -> ranked (Sort, a table) beside it: counted as it was written.
        var flow = """
            {"definitionId": "counts", "root": {"id": "root", "type": "Flowchart", "activities": [
               {"id": "read", "type": "CsvInput", "path": "people.csv"},
               {"id": "big", "type": "Filter", "condition": "amount >= 10"},
               {"id": "write", "type": "CsvOutput", "path": "out.csv"},
               {"id": "read2", "type": "CsvInput", "path": "people.csv"},
               {"id": "mid", "type": "Filter", "condition": "amount >= 10"},
               {"id": "ranked", "type": "Sort", "by": [{"column": "amount"}]}],
             "connections": [{"source": {"activity": "read", "port": "Done"}, "target": {"activity": "big", "port": "In"}},
                             {"source": {"activity": "big", "port": "Done"}, "target": {"activity": "write", "port": "In"}},
                             {"source": {"activity": "read2", "port": "Done"}, "target": {"activity": "mid", "port": "In"}},
                             {"source": {"activity": "mid", "port": "Done"}, "target": {"activity": "ranked", "port": "In"}}]}}
            """;

        var result = await _data.RunAsync(flow);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var counts = (await _data.Previewer.CountRowsAsync(result.InstanceId)).ToDictionary(c => c.ActivityId, c => c.RowCount);
        Assert.Equal(new Dictionary<string, long?> { ["read"] = null, ["big"] = 3, ["write"] = 3, ["read2"] = null, ["mid"] = null, ["ranked"] = 3 },
            counts);
        var journal = await _data.Store.GetJournalAsync(result.InstanceId);
        Assert.Equal(3, journal.Single(e => e.ActivityId == "write" && e.Kind == JournalKind.ActivityCompleted).RowCount);
        Assert.Null(journal.Single(e => e.ActivityId == "big" && e.Kind == JournalKind.ActivityCompleted).RowCount);
    }
}
