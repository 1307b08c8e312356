using System.Text;
using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Outputs;

public sealed class CsvOutputTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();

    public Task InitializeAsync()
    {
        _data.WriteFile("sales.csv", OutputFlow.Sales);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Fact]
    public async Task CsvOutput_Defaults_WritesHeaderAndRowsAndPassesRowsOn()
    {
        var result = await _data.RunAsync(OutputFlow.Chain("""{"id": "out", "type": "CsvOutput", "path": "out/deep/sales.csv"}"""));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal("id,name,amount\n1,ann,5\n2,bob,9\n3,\"c,d\",1\n", File.ReadAllText(_data.PathOf("out/deep/sales.csv")));
        Assert.Equal(OutputFlow.SalesText, OutputFlow.Text(await _data.RowsAsync(result, "after")));
        Assert.Contains(await _data.LogsAsync(result, "out"), l => l.StartsWith("wrote 3 rows to ") && l.EndsWith("sales.csv"));
    }

    [Fact]
    public async Task CsvOutput_DelimiterWithoutHeader_WritesOnlyRows()
    {
        var result = await _data.RunAsync(OutputFlow.Chain("""{"id": "out", "type": "CsvOutput", "path": "out.csv", "delimiter": ";", "header": false}"""));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal("1;ann;5\n2;bob;9\n3;c,d;1\n", File.ReadAllText(_data.PathOf("out.csv")));
    }

    [Fact]
    public async Task CsvOutput_GbkEncoding_TranscodesTheFile()
    {
        _data.WriteFile("names.csv", "id,name,amount\n1,张三,5\n");

        var result = await _data.RunAsync(OutputFlow.Chain("""{"id": "out", "type": "CsvOutput", "path": "gbk.csv", "encoding": "gbk"}""", "names.csv"));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = File.ReadAllBytes(_data.PathOf("gbk.csv"));
        Assert.Equal("id,name,amount\n1,张三,5\n", Encoding.GetEncoding("gbk").GetString(bytes));
        Assert.Equal(Encoding.GetEncoding("gbk").GetBytes("张三"), bytes[17..21]);
        Assert.False(File.Exists(_data.PathOf("gbk.csv.utf8.tmp")));
    }

    [Fact]
    public async Task CsvOutput_SplitRows_WritesNumberedPartsAndRemovesStaleOnes()
    {
        _data.WriteFile("five.csv", "id,name,amount\n1,a,1\n2,b,2\n3,c,3\n4,d,4\n5,e,5\n");
        _data.WriteFile("parts/p_0004.csv", "stale");

        var result = await _data.RunAsync(OutputFlow.Chain("""{"id": "out", "type": "CsvOutput", "path": "parts/p.csv", "splitRows": 2}""", "five.csv"));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["p_0001.csv", "p_0002.csv", "p_0003.csv"], Directory.GetFiles(_data.PathOf("parts")).Select(Path.GetFileName).Order());
        Assert.Equal("id,name,amount\n1,a,1\n2,b,2\n", File.ReadAllText(_data.PathOf("parts/p_0001.csv")));
        Assert.Equal("id,name,amount\n3,c,3\n4,d,4\n", File.ReadAllText(_data.PathOf("parts/p_0002.csv")));
        Assert.Equal("id,name,amount\n5,e,5\n", File.ReadAllText(_data.PathOf("parts/p_0003.csv")));
        Assert.Equal(5, (await _data.RowsAsync(result, "after")).Count);
    }

    [Fact]
    public async Task CsvOutput_SplitRows_CutsBetweenRecordsNotInsideQuotedNewlines()
    {
        _data.WriteFile("odd.csv", "id,name,amount\n1,\"a\nb\",1\n2,\"say \"\"hi\"\"\",2\n3,\"x,y\",3\n4,\"\n\n\",4\n5,e,5\n");

        var result = await _data.RunAsync(OutputFlow.Chain("""{"id": "out", "type": "CsvOutput", "path": "parts/p.csv", "splitRows": 2}""", "odd.csv"));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["p_0001.csv", "p_0002.csv", "p_0003.csv"], Directory.GetFiles(_data.PathOf("parts")).Select(Path.GetFileName).Order());
        Assert.Equal("id,name,amount\n1,\"a\nb\",1\n2,\"say \"\"hi\"\"\",2\n", File.ReadAllText(_data.PathOf("parts/p_0001.csv")));
        Assert.Equal("id,name,amount\n3,\"x,y\",3\n4,\"\n\n\",4\n", File.ReadAllText(_data.PathOf("parts/p_0002.csv")));
        Assert.Equal("id,name,amount\n5,e,5\n", File.ReadAllText(_data.PathOf("parts/p_0003.csv")));
        Assert.Contains(await _data.LogsAsync(result, "out"), l => l.StartsWith("wrote 5 rows to 3 part files "));
    }

    [Theory]
    [InlineData(3, new[] { "p_0001.csv" })]
    [InlineData(1, new[] { "p_0001.csv", "p_0002.csv", "p_0003.csv" })]
    public async Task CsvOutput_SplitRowsWithoutHeader_WritesOnlyRowsAndNoEmptyLastPart(int split, string[] files)
    {
        _data.WriteFile("three.csv", "id,name,amount\n1,a,1\n2,b,2\n3,c,3\n");

        var result = await _data.RunAsync(OutputFlow.Chain($$"""{"id": "out", "type": "CsvOutput", "path": "parts/p.csv", "header": false, "splitRows": {{split}}}""", "three.csv"));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(files, Directory.GetFiles(_data.PathOf("parts")).Select(Path.GetFileName).Order());
        Assert.Equal("1,a,1\n2,b,2\n3,c,3\n", string.Concat(files.Select(f => File.ReadAllText(_data.PathOf("parts/" + f)))));
        Assert.Empty(Directory.GetFiles(_data.Root, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task CsvOutput_SplitRowsOfNoRows_WritesOnePartWithTheHeader()
    {
        _data.WriteFile("empty.csv", "id,name,amount\n");

        var result = await _data.RunAsync(OutputFlow.Chain("""{"id": "out", "type": "CsvOutput", "path": "parts/p.csv", "splitRows": 2}""", "empty.csv"));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["p_0001.csv"], Directory.GetFiles(_data.PathOf("parts")).Select(Path.GetFileName));
        Assert.Equal("id,name,amount\n", File.ReadAllText(_data.PathOf("parts/p_0001.csv")));
    }

    [Fact]
    public async Task CsvOutput_SplitRowsInGbk_TranscodesEveryPart()
    {
        _data.WriteFile("names.csv", "id,name\n1,张三\n2,李四\n3,王五\n");

        var result = await _data.RunAsync(OutputFlow.Chain("""{"id": "out", "type": "CsvOutput", "path": "gbk/n.csv", "encoding": "gbk", "splitRows": 2}""", "names.csv"));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding("gbk");
        Assert.Equal(["n_0001.csv", "n_0002.csv"], Directory.GetFiles(_data.PathOf("gbk")).Select(Path.GetFileName).Order());
        Assert.Equal("id,name\n1,张三\n2,李四\n", gbk.GetString(File.ReadAllBytes(_data.PathOf("gbk/n_0001.csv"))));
        Assert.Equal("id,name\n3,王五\n", gbk.GetString(File.ReadAllBytes(_data.PathOf("gbk/n_0002.csv"))));
    }

    [Fact]
    public async Task CsvOutput_Preview_WritesNothingButPassesRowsOn()
    {
        var result = await _data.PreviewAsync(OutputFlow.Chain("""{"id": "out", "type": "CsvOutput", "path": "out/sales.csv"}"""), "out");

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.False(Directory.Exists(_data.PathOf("out")));
        Assert.Equal(OutputFlow.SalesText, OutputFlow.Text(await _data.RowsAsync(result, "out")));
    }

    [Fact]
    public async Task CsvOutput_PathOutsideTheDataRoot_Faults()
    {
        var result = await _data.RunAsync(OutputFlow.Chain("""{"id": "out", "type": "CsvOutput", "path": "../escape.csv"}"""));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("out", result.FaultedActivityId);
        Assert.StartsWith("path: '../escape.csv' is outside the data roots", result.Error);
    }

    [Fact]
    public async Task CsvOutput_UnknownEncoding_Faults()
    {
        var result = await _data.RunAsync(OutputFlow.Chain("""{"id": "out", "type": "CsvOutput", "path": "x.csv", "encoding": "klingon"}"""));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("out", result.FaultedActivityId);
        Assert.StartsWith("encoding: 'klingon' is not a known encoding", result.Error);
    }
}
