using ElsaFlow.Activities.Inputs;
using ElsaFlow.Activities.Preview;
using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Inputs;

/// <summary>
/// CsvInput's default path: nothing reads Rejected and the next steps read the file once, so the file is a view and the
/// malformed rows are found by the scan those steps run (no table, no second parse).
/// </summary>
public sealed class CsvRejectsTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _data.DisposeAsync();

    /// <summary>line 3: amount not an INTEGER; line 4: a column too many; line 5: day not a DATE (a column the Group never uses).</summary>
    private const string Sales = "line_no,amount,day\n2,5,2024-03-01\n3,x,2024-03-02\n4,7,2024-03-03,extra\n5,9,someday\n6,5,2024-03-05\n";

    /// <summary>CsvInput read -> Group by amount (a table, the step that scans the file): only Done is connected.</summary>
    private static string Flow(string csvInputs) => $$$"""
        {"definitionId": "csv-fused", "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "read", "type": "CsvInput", {{{csvInputs}}}},
           {"id": "group", "type": "Group", "by": ["amount"], "aggregations": [{"function": "count", "as": "n"}]}],
         "connections": [{"source": {"activity": "read", "port": "Done"}, "target": {"activity": "group", "port": "In"}}]}}
        """;

    private const string Typed = "\"path\": \"sales.csv\", \"types\": {\"amount\": \"INTEGER\", \"day\": \"DATE\"}";

    [Fact]
    public async Task CsvInput_DefaultWithMalformedRows_ReadsAViewAndTheReadingStepSendsEveryBadRowToRejected()
    {
        _data.WriteFile("sales.csv", Sales);

        var result = await _data.RunAsync(Flow(Typed));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var read = await _data.DatasetAsync(result, "read");
        Assert.False(read.Materialized);
        var groups = await _data.RowsAsync(result, "group");
        Assert.Equal(["5:2"], groups.Select(r => $"{r["amount"]}:{r["n"]}"));
        var rejected = await RejectedAsync(result, read);
        // Line 5's bad value is in a column the Group never reads: it is rejected all the same.
        Assert.Equal([3L, 4L, 5L], rejected.Select(r => (long)r["line"]!));
        Assert.Equal(["3,x,2024-03-02", "4,7,2024-03-03,extra", "5,9,someday"], rejected.Select(r => (string)r["raw"]!));
        Assert.All(rejected, r => Assert.Equal("sales.csv", (string)r["file"]!));
        Assert.Contains("Expected Number of Columns: 3 Found: 4", (string)rejected[1]["reason"]!);
        Assert.Contains("3 malformed row(s) of CsvInput 'read', found as this step read its file, sent to Rejected (3 in all)", await _data.LogsAsync(result, "group"));
    }

    [Fact]
    public async Task CsvInput_DefaultWithGoodFile_LeavesAnEmptyRejectedAndLogsNothing()
    {
        _data.WriteFile("sales.csv", "line_no,amount\n1,5\n2,5\n");

        var result = await _data.RunAsync(Flow("\"path\": \"sales.csv\""));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Empty(await RejectedAsync(result, await _data.DatasetAsync(result, "read")));
        Assert.DoesNotContain(await _data.LogsAsync(result, "group"), l => l.Contains("malformed"));
        Assert.Equal(["5:2"], (await _data.RowsAsync(result, "group")).Select(r => $"{r["amount"]}:{r["n"]}"));
    }

    [Fact]
    public async Task CsvInput_StrictOnTheDefaultPath_FaultsOnTheFirstMalformedRowBeforeTheNextStepStarts()
    {
        _data.WriteFile("sales.csv", Sales);

        var result = await _data.RunAsync(Flow(Typed + ", \"strict\": true"));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("read", result.FaultedActivityId);
        Assert.StartsWith("path: malformed row at line 3 of 'sales.csv': Error when converting column \"amount\"", result.Error);
        Assert.EndsWith("(3 malformed row(s) in all; strict is on)", result.Error);
        Assert.DoesNotContain(await _data.Store.GetJournalAsync(result.InstanceId), e => e.ActivityId == "group");
    }

    [Fact]
    public async Task CsvInput_StrictWithGoodFile_FinishesWithAnEmptyRejected()
    {
        _data.WriteFile("sales.csv", "line_no,amount\n1,5\n2,5\n");

        var result = await _data.RunAsync(Flow("\"path\": \"sales.csv\", \"strict\": true"));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["5:2"], (await _data.RowsAsync(result, "group")).Select(r => $"{r["amount"]}:{r["n"]}"));
    }

    [Fact]
    public async Task CsvInput_FileChangedAfterTheRun_ItsViewFailsNamingTheFileAndTheStep()
    {
        _data.WriteFile("sales.csv", "line_no,amount\n1,5\n2,5\n");
        var result = await _data.RunAsync(Flow("\"path\": \"sales.csv\""));
        ResultAssert.Status(WorkflowStatus.Finished, result);

        _data.WriteFile("sales.csv", "line_no,amount\n1,5\n2,5\n3,6\n");

        // Reading the view again (a preview here; a resumed step the same) would give other rows than the run had.
        var e = await Assert.ThrowsAsync<PreviewException>(() => _data.Previewer.PreviewAsync(result.InstanceId, "read"));
        Assert.Contains("path: 'sales.csv' changed (size or modification time) after CsvInput 'read' read it", e.Message);
    }

    [Fact]
    public async Task CsvInput_ReadTwice_FindsItsRejectsAtOnceAndKeepsAView()
    {
        _data.WriteFile("sales.csv", Sales);
        // Two readers: no single scan to lean on, so a rejects-only scan fills Rejected before either reader starts.
        var flow = """
            {"definitionId": "csv-twice", "root": {"id": "root", "type": "Flowchart", "activities": [
               {"id": "read", "type": "CsvInput", "path": "sales.csv", "types": {"amount": "INTEGER", "day": "DATE"}},
               {"id": "a", "type": "Sort", "by": [{"column": "line_no"}]},
               {"id": "b", "type": "Group", "by": ["amount"], "aggregations": [{"function": "count", "as": "n"}]}],
             "connections": [{"source": {"activity": "read", "port": "Done"}, "target": {"activity": "a", "port": "In"}},
                             {"source": {"activity": "read", "port": "Done"}, "target": {"activity": "b", "port": "In"}}]}}
            """;

        var result = await _data.RunAsync(flow);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var read = await _data.DatasetAsync(result, "read");
        Assert.False(read.Materialized);
        Assert.Equal([3L, 4L, 5L], (await RejectedAsync(result, read)).Select(r => (long)r["line"]!));
        Assert.Contains("3 malformed row(s) sent to Rejected (3 in all)", await _data.LogsAsync(result, "read"));
        // Both readers see the same good rows: b reads only amount, yet line 5 (a bad day) is left out there too.
        Assert.Equal([2L, 6L], (await _data.RowsAsync(result, "a")).Select(r => (long)r["line_no"]!));
        Assert.Equal(["5:2"], (await _data.RowsAsync(result, "b")).Select(r => $"{r["amount"]}:{r["n"]}"));
        Assert.DoesNotContain(await _data.LogsAsync(result, "a"), l => l.Contains("malformed"));
    }

    [Fact]
    public async Task CollectAsync_RunTwiceOverTheSameScan_KeepsEachRejectedRowOnce()
    {
        _data.WriteFile("sales.csv", Sales);
        var result = await _data.RunAsync(Flow(Typed));
        var read = await _data.DatasetAsync(result, "read");

        // A step run again after a crash scans the view again in a new connection: the rows merge, they do not double.
        var logged = new List<string>();
        IReadOnlyDictionary<string, long> totals;
        await using (var workspace = await _data.Workspaces.OpenAsync(result.InstanceId))
        {
            await workspace.ScalarAsync($"SELECT count(*) FROM \"{read.Relation}\"");
            totals = await CsvRejects.CollectAsync(workspace, "group", logged.Add, CancellationToken.None);
        }
        var rejected = await RejectedAsync(result, read);

        Assert.Equal(3, totals[read.Relation + "_rejected"]);
        Assert.Equal([3L, 4L, 5L], rejected.Select(r => (long)r["line"]!));
        Assert.Empty(logged);
    }

    /// <summary>The Rejected table sits beside the Done view: same execution, suffix "_rejected".</summary>
    private async Task<List<System.Text.Json.Nodes.JsonObject>> RejectedAsync(WorkflowRunResult result, ElsaFlow.Data.Dataset read) =>
        await _data.RowsAsync(result.InstanceId, read with { Relation = read.Relation + "_rejected" });
}
