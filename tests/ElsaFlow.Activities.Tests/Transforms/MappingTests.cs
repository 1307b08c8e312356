using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Transforms;

public sealed class MappingTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();

    public Task InitializeAsync()
    {
        _data.WriteFile("in.csv", "id,country\n1,DE\n2,FR\n3,XX\n");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Fact]
    public async Task Mapping_Dictionary_ReplacesKnownValuesAndKeepsOthers()
    {
        var result = await _data.RunAsync(TransformFlow.Single("""
            {"id": "step", "type": "Mapping", "column": "country", "values": {"DE": "Germany", "FR": "France"}}
            """));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["1|Germany", "2|France", "3|XX"], TransformFlow.Sorted(await _data.RowsAsync(result, "step")));
    }

    [Fact]
    public async Task Mapping_LookupDatasetWithTargetAndDefault_AddsMappedColumn()
    {
        _data.WriteFile("lookup.csv", "code,label\nDE,Germany\nFR,France\nDE,Deutschland\n");
        var flow = TransformFlow.Flow(
            [TransformFlow.Read("read", "in.csv"), TransformFlow.Read("codes", "lookup.csv"),
             """{"id": "step", "type": "Mapping", "column": "country", "lookupKey": "code", "lookupValue": "label", "target": "countryName", "default": "Other"}"""],
            [("read", "Done", "step", "In"), ("codes", "Done", "step", "Lookup")]);

        var result = await _data.RunAsync(flow);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var rows = await _data.RowsAsync(result, "step");
        Assert.Equal(["id", "country", "countryName"], TransformFlow.Names(rows));
        Assert.Equal(["1|DE|Germany", "2|FR|France", "3|XX|Other"], TransformFlow.Sorted(rows));
    }

    [Fact]
    public async Task Mapping_UnknownColumn_FaultsListingColumns()
    {
        var result = await _data.RunAsync(TransformFlow.Single("""{"id": "step", "type": "Mapping", "column": "land", "values": {"DE": "Germany"}}"""));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("step", result.FaultedActivityId);
        Assert.Equal("column: column 'land' does not exist; the input has id, country", result.Error);
    }
}
