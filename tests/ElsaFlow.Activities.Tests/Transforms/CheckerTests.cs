using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Transforms;

public sealed class CheckerTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _data.DisposeAsync();

    /// <summary>read -> check; Valid -> ok and Invalid -> bad (pass-through filters, so each port's rows can be read).</summary>
    private static string Flow(string check) => TransformFlow.Flow(
        [TransformFlow.Read("read", "in.csv"), check,
         """{"id": "ok", "type": "Filter", "condition": "TRUE"}""", """{"id": "bad", "type": "Filter", "condition": "TRUE"}"""],
        [("read", "Done", "check", "In"), ("check", "Valid", "ok", "In"), ("check", "Invalid", "bad", "In")]);

    private const string Rules = """
        [{"column": "id", "rule": "unique"}, {"column": "name", "rule": "notNull"},
         {"column": "amount", "rule": "range", "value": "0..100"}, {"column": "email", "rule": "regex", "value": "^[^@]+@[^@]+\\.[a-z]+$"}]
        """;

    [Fact]
    public async Task Checker_ColumnRules_SplitValidAndInvalidWithErrors()
    {
        _data.WriteFile("in.csv", "id,name,amount,email\n1,ann,50,ann@x.com\n2,,150,bob@x\n2,cid,20,cid@x.com\n4,dan,-5,dan@x.com\n");

        var result = await _data.RunAsync(Flow($$"""{"id": "check", "type": "Checker", "rules": {{Rules}}, "maxInvalid": 3}"""));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["1|ann|50|ann@x.com"], TransformFlow.Lines(await _data.RowsAsync(result, "ok")));
        var bad = await _data.RowsAsync(result, "bad");
        Assert.Equal(["id", "name", "amount", "email", "error"], TransformFlow.Names(bad));
        Assert.Equal([
            "2|cid|20|cid@x.com|id: unique",
            "2|∅|150|bob@x|id: unique; name: not null; amount: range 0..100; email: regex ^[^@]+@[^@]+\\.[a-z]+$",
            "4|dan|-5|dan@x.com|amount: range 0..100"], TransformFlow.Sorted(bad));
    }

    [Fact]
    public async Task Checker_InTypeAndSqlRules_ListEveryFailure()
    {
        _data.WriteFile("in.csv", "code,qty\nA,1\nB,x\nZ,3\n");

        var result = await _data.RunAsync(Flow("""
            {"id": "check", "type": "Checker", "rules": [
              {"column": "code", "rule": "in", "value": ["A", "B"]},
              {"column": "qty", "rule": "type", "value": "INTEGER"},
              {"rule": "sql", "value": "code <> 'B'"}]}
            """));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["A|1"], TransformFlow.Lines(await _data.RowsAsync(result, "ok")));
        Assert.Equal(["B|x|qty: type INTEGER; sql code <> 'B'", "Z|3|code: in [A, B]"], TransformFlow.Sorted(await _data.RowsAsync(result, "bad")));
    }

    [Fact]
    public async Task Checker_AboveMaxInvalidPercent_FaultsWithCounts()
    {
        _data.WriteFile("in.csv", "id,name,amount,email\n1,ann,50,ann@x.com\n2,,150,bob@x\n2,cid,20,cid@x.com\n4,dan,-5,dan@x.com\n");

        var result = await _data.RunAsync(Flow($$"""{"id": "check", "type": "Checker", "rules": {{Rules}}, "maxInvalid": "50%"}"""));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("check", result.FaultedActivityId);
        Assert.Equal("maxInvalid: 3 of 4 rows are invalid (75%), above the limit of 50%", result.Error);
    }

    [Fact]
    public async Task Checker_UnknownRule_FaultsListingRules()
    {
        _data.WriteFile("in.csv", "id\n1\n");

        var result = await _data.RunAsync(Flow("""{"id": "check", "type": "Checker", "rules": [{"column": "id", "rule": "positive"}]}"""));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("check", result.FaultedActivityId);
        Assert.Equal("rules: rule 'positive' is not one of notNull, unique, range, regex, in, type, sql", result.Error);
    }
}
