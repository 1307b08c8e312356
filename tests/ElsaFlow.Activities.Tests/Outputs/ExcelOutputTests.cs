using ClosedXML.Excel;
using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Outputs;

public sealed class ExcelOutputTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();

    public Task InitializeAsync()
    {
        _data.WriteFile("sales.csv", OutputFlow.Sales);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Fact]
    public async Task ExcelOutput_Sheet_WritesHeaderAndTypedCells()
    {
        var result = await _data.RunAsync(OutputFlow.Chain("""{"id": "out", "type": "ExcelOutput", "path": "out/sales.xlsx", "sheet": "Sales"}"""));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        using var workbook = new XLWorkbook(_data.PathOf("out/sales.xlsx"));
        var sheet = workbook.Worksheet("Sales");
        Assert.Equal(["id", "name", "amount"], Enumerable.Range(1, 3).Select(c => sheet.Cell(1, c).GetString()));
        var rows = Enumerable.Range(2, 3).Select(r => $"{sheet.Cell(r, 1).GetDouble()}:{sheet.Cell(r, 2).GetString()}:{sheet.Cell(r, 3).GetDouble()}");
        Assert.Equal(OutputFlow.SalesText, rows);
        Assert.Equal(XLDataType.Number, sheet.Cell(2, 3).DataType);
        Assert.True(sheet.Cell(5, 1).IsEmpty());
        Assert.Equal(OutputFlow.SalesText, OutputFlow.Text(await _data.RowsAsync(result, "after")));
    }

    [Fact]
    public async Task ExcelOutput_Preview_WritesNothing()
    {
        var result = await _data.PreviewAsync(OutputFlow.Chain("""{"id": "out", "type": "ExcelOutput", "path": "sales.xlsx"}"""), "out");

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.False(File.Exists(_data.PathOf("sales.xlsx")));
    }

    [Fact]
    public async Task ExcelOutput_BadSheetName_Faults()
    {
        var result = await _data.RunAsync(OutputFlow.Chain("""{"id": "out", "type": "ExcelOutput", "path": "x.xlsx", "sheet": "a/b"}"""));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("out", result.FaultedActivityId);
        Assert.StartsWith("sheet: 'a/b' is not a valid sheet name", result.Error);
    }

    [Fact]
    public async Task ExcelOutput_PathOutsideTheDataRoot_Faults()
    {
        var result = await _data.RunAsync(OutputFlow.Chain("""{"id": "out", "type": "ExcelOutput", "path": "../../x.xlsx"}"""));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("out", result.FaultedActivityId);
        Assert.StartsWith("path: '../../x.xlsx' is outside the data roots", result.Error);
    }
}
