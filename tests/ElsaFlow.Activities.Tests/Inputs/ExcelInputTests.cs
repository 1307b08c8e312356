using ClosedXML.Excel;
using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Inputs;

public sealed class ExcelInputTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _data.DisposeAsync();

    private static string Flow(string inputs) => $$$"""
        {"definitionId": "excel", "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "read", "type": "ExcelInput", {{{inputs}}}}]}}
        """;

    private void WriteWorkbook()
    {
        using var workbook = new XLWorkbook();
        workbook.AddWorksheet("Notes").Cell(1, 1).Value = "nothing here";
        var sheet = workbook.AddWorksheet("Sales");
        sheet.Cell(1, 1).Value = "Sales report 2024";
        sheet.Cell(3, 1).Value = "region";
        sheet.Cell(3, 2).Value = "amount";
        sheet.Cell(3, 3).Value = "day";
        sheet.Cell(3, 4).Value = "paid";
        sheet.Cell(4, 1).Value = "北区";
        sheet.Cell(4, 2).Value = 12.5;
        sheet.Cell(4, 3).Value = new DateTime(2024, 3, 1);
        sheet.Cell(4, 4).Value = true;
        sheet.Cell(5, 1).Value = "南区";
        sheet.Cell(5, 2).Value = 7;
        sheet.Cell(5, 3).Value = new DateTime(2024, 3, 2);
        sheet.Cell(5, 4).Value = false;
        workbook.SaveAs(_data.PathOf("report.xlsx"));
    }

    [Theory]
    [InlineData("\"Sales\"")]
    [InlineData("1")]
    public async Task ExcelInput_SheetWithHeaderRow_ReadsTypedRows(string sheet)
    {
        WriteWorkbook();

        var result = await _data.RunAsync(Flow($$"""
            "path": "report.xlsx", "sheet": {{sheet}}, "headerRow": 3
            """));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var dataset = await _data.DatasetAsync(result, "read");
        Assert.Equal(["region:VARCHAR", "amount:DOUBLE", "day:DATE", "paid:BOOLEAN"], dataset.Columns.Select(c => $"{c.Name}:{c.Type}"));
        var rows = await _data.RowsAsync(result, "read");
        Assert.Equal(["北区:12.5:2024-03-01:true", "南区:7:2024-03-02:false"],
            rows.Select(r => $"{r["region"]}:{r["amount"]}:{r["day"]}:{r["paid"]!.ToJsonString()}"));
    }

    [Fact]
    public async Task ExcelInput_WrongSheet_FaultsListingTheSheets()
    {
        WriteWorkbook();

        var result = await _data.RunAsync(Flow("""
            "path": "report.xlsx", "sheet": "Revenue"
            """));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("read", result.FaultedActivityId);
        Assert.Equal("sheet: 'report.xlsx' has no sheet 'Revenue'; its sheets are Notes, Sales", result.Error);
    }

    [Fact]
    public async Task ExcelInput_MissingFile_FaultsNamingThePath()
    {
        var result = await _data.RunAsync(Flow("""
            "path": "none.xlsx"
            """));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("read", result.FaultedActivityId);
        Assert.StartsWith("path: the file 'none.xlsx' does not exist", result.Error);
    }
}
