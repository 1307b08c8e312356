using System.Diagnostics;
using System.Text.Json.Nodes;
using ElsaFlow.Engine.Loading;
using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Store;
using ElsaFlow.Engine.Tests.Support;

namespace ElsaFlow.Engine.Tests.Samples;

/// <summary>Every flow in workflows/ loads without problems and runs as its description says.</summary>
public sealed class SampleFlowTests : IAsyncLifetime
{
    private readonly EngineHarness _engine = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _engine.DisposeAsync();

    public static TheoryData<string> AllFiles => new(SampleFiles.All);
    public static TheoryData<string> RunnableFiles => new(SampleFiles.Runnable);
    public static TheoryData<string> TwinFiles => new(SampleFiles.Twins);

    [Fact]
    public void Samples_CoverEveryFormat()
    {
        Assert.Contains("hello.yaml", SampleFiles.All);
        Assert.Contains("if-join.xml", SampleFiles.All);
        Assert.Contains("subflows/double.json", SampleFiles.All);
    }

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void SampleFile_LoadsWithoutProblems_AndIsNamedByItsDefinitionId(string file)
    {
        var result = new FlowLoader(_engine.Registry).LoadFile(SampleFiles.FullPath(file));

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        Assert.Equal(SampleFiles.DefinitionIdOf(file), result.Definition!.DefinitionId);
        Assert.False(string.IsNullOrWhiteSpace(result.Definition.Description), $"{file} should say what it shows in its description");
    }

    [Theory]
    [MemberData(nameof(TwinFiles))]
    public void TwinFile_LoadsToTheSameDefinitionAsItsJsonTwin(string file)
    {
        var twin = Normalized(SampleFiles.FullPath(file));
        var json = Normalized(SampleFiles.FullPath(SampleFiles.JsonTwinOf(file)));

        Assert.Equal(json, twin);
    }

    [Theory]
    [MemberData(nameof(RunnableFiles))]
    public async Task SampleFile_RunsAsDescribed(string file)
    {
        var path = SampleFiles.FullPath(file);
        var check = SampleFiles.NameOf(file) switch
        {
            "hello" => Hello(path),
            "if-join" => IfJoin(path),
            "switch" => Switch(path),
            "for-loop" => ForLoop(path),
            "foreach-parallel" => ForEachParallel(path),
            "while-loop" => WhileLoop(path),
            "back-edge-loop" => BackEdgeLoop(path),
            "fork-join" => ForkJoin(path),
            "fork-join-any" => ForkJoinAny(path),
            "retry-and-errors" => RetryAndErrors(path),
            "delay" => Delay(path),
            "pause-resume" => PauseResume(path),
            "event" => Event(path),
            "subflow" => SubFlow(path),
            "finish" => Finish(path),
            "liquid" => Liquid(path),
            var name => throw new Xunit.Sdk.XunitException($"{file} has no checks: add a case for '{name}' to {nameof(SampleFlowTests)}")
        };
        await check;
    }

    [Theory]
    [InlineData("Ada", "Hello, Ada!")]
    public async Task Hello_WithAnInput_GreetsIt(string name, string expected)
    {
        var result = await _engine.RunFileAsync(SampleFiles.FullPath("hello.json"), new JsonObject { ["who"] = name });

        Assert.Equal(expected, result.Variables["greeting"]!.GetValue<string>());
    }

    [Fact]
    public async Task IfJoin_SmallAmount_TakesFalseAndStillJoins()
    {
        var result = await _engine.RunFileAsync(SampleFiles.FullPath("if-join.json"), new JsonObject { ["amount"] = 40 });

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal("small", result.Variables["size"]!.GetValue<string>());
        Assert.Equal(["check", "small", "join", "report", "root"], await _engine.CompletedAsync(result.InstanceId));
    }

    [Theory]
    [InlineData(95, "A", "gradeA")]
    [InlineData(50, "C", "gradeC")]
    [InlineData(10, "F", "failed")]
    public async Task Switch_OtherScores_FollowTheirCase(int score, string grade, string activity)
    {
        var result = await _engine.RunFileAsync(SampleFiles.FullPath("switch.json"), new JsonObject { ["score"] = score });

        Assert.Equal(grade, result.Variables["grade"]!.GetValue<string>());
        Assert.Equal(["grade", activity, "report", "root"], await _engine.CompletedAsync(result.InstanceId));
    }

    [Fact]
    public async Task WhileLoop_WithTimeEnough_EndsByItsCondition()
    {
        var result = await _engine.RunFileAsync(SampleFiles.FullPath("while-loop.json"), new JsonObject { ["maxMonths"] = 12 });

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal((4, 0), (Int(result, "months"), Int(result, "balance")));
        Assert.DoesNotContain("stop", await _engine.CompletedAsync(result.InstanceId));
    }

    [Fact]
    public async Task RetryAndErrors_UnreadablePayload_RetriesThenFollowsError()
    {
        var result = await _engine.RunFileAsync(SampleFiles.FullPath("retry-and-errors.json"), new JsonObject { ["payload"] = "not json" });

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.StartsWith("unreadable order: ", result.Variables["problem"]!.GetValue<string>());
        var parse = (await _engine.Store.GetJournalAsync(result.InstanceId)).Where(e => e.ActivityId == "parse").Select(e => $"{e.Kind}:{e.Attempt}").ToList();
        Assert.Equal(["ActivityStarted:1", "ActivityFaulted:1", "ActivityRetrying:2", "ActivityStarted:2", "ActivityFaulted:2",
            "ActivityRetrying:3", "ActivityStarted:3", "ActivityFaulted:3", "ActivityCompleted:3"], parse);
        var completed = (await _engine.Store.GetJournalAsync(result.InstanceId)).Single(e => e.ActivityId == "parse" && e.Kind == JournalKind.ActivityCompleted);
        Assert.Equal("Error", completed.Port);
        Assert.Equal(["unreadable", "root"], (await _engine.CompletedAsync(result.InstanceId)).TakeLast(2));
    }

    [Fact]
    public async Task RetryAndErrors_PositiveAmount_IsAccepted()
    {
        var result = await _engine.RunFileAsync(SampleFiles.FullPath("retry-and-errors.json"), new JsonObject { ["payload"] = """{"amount": 5}""" });

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Null(result.Variables["problem"]);
        Assert.Equal(["parse", "check", "accept", "root"], await _engine.CompletedAsync(result.InstanceId));
    }

    private async Task Hello(string path)
    {
        var result = await _engine.RunFileAsync(path);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal("Hello, world!", result.Variables["greeting"]!.GetValue<string>());
        Assert.Equal(["compose", "say", "root"], await _engine.CompletedAsync(result.InstanceId));
        Assert.Equal(["Hello, world! (greeted world)"], await LogsAsync(result));
    }

    private async Task IfJoin(string path)
    {
        var result = await _engine.RunFileAsync(path);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal("large", result.Variables["size"]!.GetValue<string>());
        Assert.Equal(["check", "large", "join", "report", "root"], await _engine.CompletedAsync(result.InstanceId));
        Assert.Equal(["an order of 250 is large"], await LogsAsync(result));
    }

    private async Task Switch(string path)
    {
        var result = await _engine.RunFileAsync(path);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal("B", result.Variables["grade"]!.GetValue<string>());
        Assert.Equal(["grade", "gradeB", "report", "root"], await _engine.CompletedAsync(result.InstanceId));
        var routed = (await _engine.Store.GetJournalAsync(result.InstanceId)).Single(e => e.ActivityId == "grade" && e.Kind == JournalKind.ActivityCompleted);
        Assert.Equal("B", routed.Port);
        Assert.Equal(["score 82 is grade B"], await LogsAsync(result));
    }

    private async Task ForLoop(string path)
    {
        var result = await _engine.RunFileAsync(path);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal((55, 9), (Int(result, "sum"), Int(result, "lastIndex")));
        Assert.Equal(10, (await _engine.CompletedAsync(result.InstanceId)).Count(a => a == "add"));
        Assert.Equal(["1 + 2 + ... + 10 = 55"], await LogsAsync(result));
    }

    private async Task ForEachParallel(string path)
    {
        var result = await _engine.RunFileAsync(path);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var processed = result.Variables["processed"]!.AsArray().Select(n => n!.GetValue<string>()).Order(StringComparer.Ordinal);
        Assert.Equal(["customers", "orders", "products", "returns", "staff", "stores"], processed);
        var completed = await _engine.CompletedAsync(result.InstanceId);
        Assert.Equal(["eachFile", "summary", "root"], completed.TakeLast(3));
        Assert.Equal(6, completed.Count(a => a == "process"));
    }

    private async Task WhileLoop(string path)
    {
        var result = await _engine.RunFileAsync(path);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal((3, 10), (Int(result, "months"), Int(result, "balance")));
        Assert.Contains("stop", await _engine.CompletedAsync(result.InstanceId));
        Assert.Equal(["after 3 months the balance is 10"], await LogsAsync(result));
    }

    private async Task BackEdgeLoop(string path)
    {
        var result = await _engine.RunFileAsync(path);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal((4, 100), (Int(result, "page"), Int(result, "rows")));
        string[] round = ["nextPage", "fetch", "more"];
        Assert.Equal([.. round, .. round, .. round, .. round, "done", "root"], await _engine.CompletedAsync(result.InstanceId));
        Assert.Equal(["fetched 100 rows from 4 pages"], await LogsAsync(result));
    }

    private async Task ForkJoin(string path)
    {
        var result = await _engine.RunFileAsync(path);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(19.99, result.Variables["price"]!.GetValue<double>());
        Assert.Equal((42, 4.5), (Int(result, "stock"), result.Variables["rating"]!.GetValue<double>()));
        var completed = await _engine.CompletedAsync(result.InstanceId);
        Assert.Equal(["getPrice", "getRating", "getStock"], completed.Where(a => a.StartsWith("get", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal(["merge", "show", "root"], completed.TakeLast(3));
        Assert.Equal(["price 19.99, 42 in stock, rated 4.5"], await LogsAsync(result));
    }

    private async Task ForkJoinAny(string path)
    {
        var clock = Stopwatch.StartNew();
        var result = await _engine.RunFileAsync(path);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal("cache", result.Outputs["answeredBy"]!.GetValue<string>());
        Assert.DoesNotContain("fromDatabase", await _engine.CompletedAsync(result.InstanceId));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}: Finish should not wait for the one-minute Delay");
    }

    private async Task RetryAndErrors(string path)
    {
        var result = await _engine.RunFileAsync(path);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal("reject: the amount must be positive", result.Variables["problem"]!.GetValue<string>());
        Assert.Equal(["parse", "check", "reject", "rejected", "root"], await _engine.CompletedAsync(result.InstanceId));
        var rejected = (await _engine.Store.GetJournalAsync(result.InstanceId)).Single(e => e.ActivityId == "reject" && e.Kind == JournalKind.ActivityCompleted);
        Assert.Equal("Error", rejected.Port);
    }

    private async Task Delay(string path)
    {
        var result = await _engine.RunFileAsync(path);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["before", "wait", "after", "root"], await _engine.CompletedAsync(result.InstanceId));
        var journal = await _engine.Store.GetJournalAsync(result.InstanceId);
        var waited = journal.Single(e => e.ActivityId == "after" && e.Kind == JournalKind.ActivityStarted).Timestamp
            - journal.Single(e => e.ActivityId == "before" && e.Kind == JournalKind.ActivityCompleted).Timestamp;
        Assert.True(waited >= TimeSpan.FromMilliseconds(990), $"waited only {waited}");
    }

    private async Task PauseResume(string path)
    {
        var waiting = await _engine.RunFileAsync(path);
        ResultAssert.Status(WorkflowStatus.Suspended, waiting);
        var bookmark = Assert.Single(waiting.Bookmarks);
        Assert.Equal(("Pause", "approve-invoice", "approval"), (bookmark.Name, bookmark.MatchKey, bookmark.ActivityId));

        await _engine.Runtime.ResumeAsync(bookmark.Id, new JsonObject { ["approved"] = true, ["by"] = "ada" });
        var result = await _engine.Runtime.WaitAsync(waiting.InstanceId).WaitAsync(TimeSpan.FromSeconds(60));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.True(result.Variables["approved"]!.GetValue<bool>());
        Assert.Equal("INV-1001", result.Outputs["invoice"]!.GetValue<string>());
        Assert.True(result.Outputs["approved"]!.GetValue<bool>());
        Assert.Equal("ada", result.Outputs["approvedBy"]!.GetValue<string>());
    }

    private async Task Event(string path)
    {
        var waiting = await _engine.RunFileAsync(path);
        ResultAssert.Status(WorkflowStatus.Suspended, waiting);
        Assert.Equal(("Event", "payment-received"), (waiting.Bookmarks.Single().Name, waiting.Bookmarks.Single().MatchKey));

        var resumed = await _engine.Runtime.RaiseEventAsync("payment-received", new JsonObject { ["amount"] = 12.5 });
        var result = await _engine.Runtime.WaitAsync(waiting.InstanceId).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, resumed);
        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(12.5, result.Variables["paid"]!.GetValue<double>());
        Assert.Equal(["received 12.5"], await LogsAsync(result));
    }

    private async Task SubFlow(string path)
    {
        var result = await _engine.RunFileAsync(path);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(42, Int(result, "result"));
        var dispatched = result.Variables["dispatched"]!.GetValue<string>();
        var background = await _engine.Runtime.WaitAsync(dispatched).WaitAsync(TimeSpan.FromSeconds(60));
        ResultAssert.Status(WorkflowStatus.Finished, background);
        Assert.Equal(("double", 2), (background.DefinitionId, background.Outputs["doubled"]!.GetValue<int>()));
        var children = await _engine.Store.ListInstancesAsync(new InstanceQuery { ParentInstanceId = result.InstanceId });
        Assert.Contains(children.Items, c => c.Id != dispatched && c.Status == WorkflowStatus.Finished);
    }

    private async Task Finish(string path)
    {
        var result = await _engine.RunFileAsync(path);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(50, result.Outputs["total"]!.GetValue<double>());
        Assert.Equal(3, result.Outputs["count"]!.GetValue<int>());
        Assert.Equal("total 50", result.Outputs["summary"]!.GetValue<string>());
        Assert.Equal(["sum", "end"], await _engine.CompletedAsync(result.InstanceId));
    }

    private async Task Liquid(string path)
    {
        var result = await _engine.RunFileAsync(path);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal("Order for Ada: 2 lines", result.Variables["subject"]!.GetValue<string>());
        Assert.Equal(["Order for Ada: 2 lines | 2 x A-1 | 1 x B-7"], await LogsAsync(result));
    }

    private async Task<List<string>> LogsAsync(WorkflowRunResult result) =>
        (await _engine.Store.GetLogsAsync(result.InstanceId)).Select(l => l.Message).ToList();

    private static int Int(WorkflowRunResult result, string variable) => (int)result.Variables[variable]!.GetValue<double>();

    private string Normalized(string path)
    {
        var definition = _engine.LoadFile(path);
        definition.SourcePath = null;
        // A twin differs from its JSON file only in its id and name (hello-yaml): everything else is the same flow.
        definition.DefinitionId = SampleFiles.NameOf(path);
        definition.Name = null;
        return FlowWriter.Write(definition, FlowFormat.Json);
    }
}
