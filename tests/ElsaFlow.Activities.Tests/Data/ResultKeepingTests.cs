using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Activities.Tests.Transforms;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Data;

/// <summary>The view-or-table rule for blocking steps (ResultKeeping, with the engine's read-once rule).</summary>
public sealed class ResultKeepingTests : IAsyncLifetime
{
    private const string Dedupe = """{"id": "dedupe", "type": "Duplicate", "keys": ["id"]}""";
    private readonly DataHarness _data = new();

    public Task InitializeAsync()
    {
        _data.WriteFile("in.csv", "id,v\n1,a\n2,b\n1,c\n3,d\n2,e\n");
        _data.WriteFile("customers.csv", "id,name\n1,ann\n2,bob\n");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Fact]
    public async Task Duplicate_ReadOnceByTheNextStep_IsAViewAndWritesTheSameRows()
    {
        var result = await _data.RunAsync(TransformFlow.Flow(
            [TransformFlow.Read("read", "in.csv"), Dedupe, """{"id": "mask", "type": "Masking", "columns": [{"column": "v"}]}""", Write("out.csv")],
            [("read", "Done", "dedupe", "In"), ("dedupe", "Done", "mask", "In"), ("mask", "Done", "write", "In")]));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.False((await _data.DatasetAsync(result, "dedupe")).Materialized);
        Assert.Equal(["1,*", "2,*", "3,*"], File.ReadAllLines(_data.PathOf("out.csv")).Skip(1).Order());
    }

    [Fact]
    public async Task Join_ReadOnceByAnOutput_IsAView()
    {
        var result = await _data.RunAsync(TransformFlow.Flow(
            [TransformFlow.Read("left", "in.csv"), TransformFlow.Read("right", "customers.csv"),
             """{"id": "join", "type": "DataJoin", "on": [{"left": "id", "right": "id"}]}""", Write("joined.csv")],
            [("left", "Done", "join", "Left"), ("right", "Done", "join", "Right"), ("join", "Done", "write", "In")]));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.False((await _data.DatasetAsync(result, "join")).Materialized);
        Assert.Equal(["1,a,ann", "1,c,ann", "2,b,bob", "2,e,bob"], File.ReadAllLines(_data.PathOf("joined.csv")).Skip(1).Order());
    }

    [Fact]
    public async Task JoinOfTwoDatasets_ReadOnceByAnOutput_IsAView()
    {
        // The control Join hands Left/Right datasets to DataJoin: the result is still read once.
        var result = await _data.RunAsync(TransformFlow.Flow(
            [TransformFlow.Read("left", "in.csv"), TransformFlow.Read("right", "customers.csv"),
             """{"id": "join", "type": "Join", "joinType": "inner", "on": [{"left": "id", "right": "id"}]}""", Write("joined.csv")],
            [("left", "Done", "join", "Left"), ("right", "Done", "join", "Right"), ("join", "Done", "write", "In")]));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.False((await _data.DatasetAsync(result, "join")).Materialized);
        Assert.Equal(["1,a,ann", "1,c,ann", "2,b,bob", "2,e,bob"], File.ReadAllLines(_data.PathOf("joined.csv")).Skip(1).Order());
    }

    [Fact]
    public async Task Duplicate_ReadByTwoSteps_IsATable()
    {
        var result = await _data.RunAsync(TransformFlow.Flow(
            [TransformFlow.Read("read", "in.csv"), Dedupe, Write("a.csv", "writeA"), Write("b.csv", "writeB")],
            [("read", "Done", "dedupe", "In"), ("dedupe", "Done", "writeA", "In"), ("dedupe", "Done", "writeB", "In")]));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var dedupe = await _data.DatasetAsync(result, "dedupe");
        Assert.True(dedupe.Materialized);
        Assert.Equal(3, dedupe.RowCount);
    }

    [Fact]
    public async Task Duplicate_WhoseChainForksLater_IsATable()
    {
        // dedupe -> mask (a view over it) -> two outputs: the dedupe would run once per output.
        var result = await _data.RunAsync(TransformFlow.Flow(
            [TransformFlow.Read("read", "in.csv"), Dedupe, """{"id": "mask", "type": "Masking", "columns": [{"column": "v"}]}""", Write("a.csv", "writeA"), Write("b.csv", "writeB")],
            [("read", "Done", "dedupe", "In"), ("dedupe", "Done", "mask", "In"), ("mask", "Done", "writeA", "In"), ("mask", "Done", "writeB", "In")]));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.True((await _data.DatasetAsync(result, "dedupe")).Materialized);
    }

    [Fact]
    public async Task Duplicate_ReadAfterADurableDelay_IsATable()
    {
        // The reader waits on a timer first: the instance suspends between the two steps.
        var result = await _data.RunAsync(TransformFlow.Flow(
            [TransformFlow.Read("read", "in.csv"), Dedupe, """{"id": "write", "type": "CsvOutput", "path": "out.csv", "delay": "00:00:00.200"}"""],
            [("read", "Done", "dedupe", "In"), ("dedupe", "Done", "write", "In")]));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.True((await _data.DatasetAsync(result, "dedupe")).Materialized);
        Assert.Equal(4, File.ReadAllLines(_data.PathOf("out.csv")).Length);
    }

    [Fact]
    public async Task Duplicate_ReadThroughAControlActivity_IsATable()
    {
        var result = await _data.RunAsync(TransformFlow.Flow(
            [TransformFlow.Read("read", "in.csv"), Dedupe, """{"id": "log", "type": "Log", "message": "deduped"}""", Write("out.csv")],
            [("read", "Done", "dedupe", "In"), ("dedupe", "Done", "log", "In"), ("log", "Done", "write", "In")]));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.True((await _data.DatasetAsync(result, "dedupe")).Materialized);
    }

    [Fact]
    public async Task Group_WhoseRowCountAnExpressionReads_IsATable()
    {
        var result = await _data.RunAsync(TransformFlow.Flow(
            [TransformFlow.Read("read", "in.csv"),
             """{"id": "group", "type": "Group", "by": ["id"], "aggregations": [{"function": "count", "as": "n"}]}""",
             """{"id": "write", "type": "CsvOutput", "path": {"expression": {"type": "JavaScript", "value": "'groups_' + outputs.group.rowCount + '.csv'"}}}"""],
            [("read", "Done", "group", "In"), ("group", "Done", "write", "In")]));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.True((await _data.DatasetAsync(result, "group")).Materialized);
        Assert.True(File.Exists(_data.PathOf("groups_3.csv")));
    }

    [Fact]
    public async Task Retry_AfterTheReaderOfAViewFaulted_FindsTheViewAndDoesNotRunTheBlockingStepAgain()
    {
        Directory.CreateDirectory(_data.PathOf("out.csv")); // a folder where the file should go: the write faults
        var result = await _data.RunAsync(TransformFlow.Flow(
            [TransformFlow.Read("read", "in.csv"), Dedupe, Write("out.csv")],
            [("read", "Done", "dedupe", "In"), ("dedupe", "Done", "write", "In")]));
        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.False((await _data.DatasetAsync(result, "dedupe")).Materialized);
        Directory.Delete(_data.PathOf("out.csv"));

        await _data.Runtime.RetryAsync(result.InstanceId);
        var retried = await _data.Runtime.WaitAsync(result.InstanceId).WaitAsync(TimeSpan.FromSeconds(60));

        ResultAssert.Status(WorkflowStatus.Finished, retried);
        Assert.Equal(["1,a", "2,b", "3,d"], File.ReadAllLines(_data.PathOf("out.csv")).Skip(1).Order());
        var journal = await _data.Store.GetJournalAsync(result.InstanceId);
        Assert.Single(journal, e => e.ActivityId == "dedupe" && e.Kind == JournalKind.ActivityStarted);
    }

    private static string Write(string path, string id = "write") => $$"""{"id": "{{id}}", "type": "CsvOutput", "path": "{{path}}"}""";
}
