using System.Text;
using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Inputs;

public sealed class CsvInputTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _data.DisposeAsync();

    /// <summary>The CSV step plus Sorts on Done and Rejected, so both datasets can be read by activity id.</summary>
    private static string Flow(string csvInputs) => $$$"""
        {"definitionId": "csv", "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "read", "type": "CsvInput", {{{csvInputs}}}},
           {"id": "good", "type": "Sort", "by": [{"column": "line_no"}]},
           {"id": "bad", "type": "Sort", "by": [{"column": "line"}]}],
         "connections": [{"source": {"activity": "read", "port": "Done"}, "target": {"activity": "good", "port": "In"}},
                         {"source": {"activity": "read", "port": "Rejected"}, "target": {"activity": "bad", "port": "In"}}]}}
        """;

    [Fact]
    public async Task CsvInput_GbkFileWithMalformedRows_ReadsChineseAndRejectsRowsWithTheirLines()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding("GBK");
        File.WriteAllBytes(_data.PathOf("cities.csv"), gbk.GetBytes(
            "line_no,城市,人口\n2,北京,2189\n3,上海,2487\n4,广州,很多\n5,深圳,1756,多余\n6,成都,2126\n"));

        var result = await _data.RunAsync(Flow("""
            "path": "cities.csv", "encoding": "gbk", "types": {"人口": "INTEGER"}
            """));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var good = await _data.RowsAsync(result, "good");
        Assert.Equal(["2:北京:2189", "3:上海:2487", "6:成都:2126"], good.Select(r => $"{r["line_no"]}:{r["城市"]}:{r["人口"]}"));
        var bad = await _data.RowsAsync(result, "bad");
        Assert.Equal([4L, 5L], bad.Select(r => (long)r["line"]!));
        Assert.Equal(["4,广州,很多", "5,深圳,1756,多余"], bad.Select(r => (string)r["raw"]!));
        Assert.Equal(["cities.csv", "cities.csv"], bad.Select(r => (string)r["file"]!));
        Assert.Contains("Could not convert string \"很多\" to 'INTEGER'", (string)bad[0]["reason"]!);
        Assert.Contains("Expected Number of Columns: 3 Found: 4", (string)bad[1]["reason"]!);
        Assert.Empty(Directory.GetFiles(_data.Workspaces.ScratchFolderFor(result.InstanceId)));
    }

    [Fact]
    public async Task CsvInput_ForcedTypes_AreKept()
    {
        _data.WriteFile("sales.csv", "line_no;amount;day\n1;12.50;2024-03-01\n2;7.25;2024-03-02\n");

        var result = await _data.RunAsync(Flow("""
            "path": "sales.csv", "delimiter": ";", "types": {"amount": "DECIMAL(10,2)", "day": "VARCHAR"}
            """));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var dataset = await _data.DatasetAsync(result, "good");
        Assert.Equal(["BIGINT", "DECIMAL(10,2)", "VARCHAR"], dataset.Columns.Select(c => c.Type));
        var rows = await _data.RowsAsync(result, "good");
        Assert.Equal(["1:12.50:2024-03-01", "2:7.25:2024-03-02"], rows.Select(r => $"{r["line_no"]}:{r["amount"]}:{r["day"]}"));
        Assert.Empty(await _data.RowsAsync(result, "bad"));
        // Rejected is read (by bad), so a rejects-only scan fills it at once; the rows stay a view over the file.
        var read = await _data.DatasetAsync(result, "read");
        Assert.False(read.Materialized);
    }

    [Fact]
    public async Task CsvInput_RejectsOff_ReadsTheFileAsAViewWithAnEmptyRejected()
    {
        _data.WriteFile("sales.csv", "line_no,amount\n2,7\n1,5\n");

        var result = await _data.RunAsync(Flow("""
            "path": "sales.csv", "rejects": false
            """));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var rows = await _data.RowsAsync(result, "good");
        Assert.Equal(["1:5", "2:7"], rows.Select(r => $"{r["line_no"]}:{r["amount"]}"));
        Assert.Empty(await _data.RowsAsync(result, "bad"));
        var read = await _data.DatasetAsync(result, "read");
        Assert.False(read.Materialized);
        Assert.Null(read.RowCount);
    }

    [Fact]
    public async Task CsvInput_RejectsOffWithMalformedRow_FailsTheStepThatReadsIt()
    {
        _data.WriteFile("sales.csv", "line_no,amount\n1,5\n2,x\n");

        var result = await _data.RunAsync(Flow("""
            "path": "sales.csv", "rejects": false, "types": {"amount": "INTEGER"}
            """));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("good", result.FaultedActivityId);
    }

    [Fact]
    public async Task CsvInput_StrictWithMalformedRow_FaultsWithLineAndReason()
    {
        _data.WriteFile("sales.csv", "line_no,amount\n1,5\n2,x\n3,7\n");

        var result = await _data.RunAsync(Flow("""
            "path": "sales.csv", "types": {"amount": "INTEGER"}, "strict": true
            """));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("read", result.FaultedActivityId);
        Assert.StartsWith("path: malformed row at line 3 of 'sales.csv': Error when converting column \"amount\"", result.Error);
    }

    [Fact]
    public async Task CsvInput_MissingFile_FaultsNamingThePath()
    {
        var result = await _data.RunAsync(Flow("""
            "path": "nope.csv"
            """));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("read", result.FaultedActivityId);
        Assert.StartsWith("path: the file 'nope.csv' does not exist", result.Error);
    }

    [Fact]
    public async Task CsvInput_UnknownEncoding_FaultsNamingTheEncoding()
    {
        _data.WriteFile("sales.csv", "line_no,amount\n1,5\n");

        var result = await _data.RunAsync(Flow("""
            "path": "sales.csv", "encoding": {"expression": {"type": "JavaScript", "value": "'klingon'"}}
            """));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("read", result.FaultedActivityId);
        Assert.StartsWith("encoding: 'klingon' is not a known encoding", result.Error);
        Assert.Contains(_data.Problems(Flow("\"path\": \"sales.csv\", \"encoding\": \"klingon\"")), p => p.Contains("field 'encoding'"));
    }

    [Fact]
    public async Task CsvInput_UnknownColumnType_FaultsNamingTheColumn()
    {
        _data.WriteFile("sales.csv", "line_no,amount\n1,5\n");

        var result = await _data.RunAsync(Flow("""
            "path": "sales.csv", "types": {"amount": "INTEGR"}
            """));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("read", result.FaultedActivityId);
        Assert.Equal("types: 'INTEGR' for column 'amount' is not a DuckDB type", result.Error);
    }
}
