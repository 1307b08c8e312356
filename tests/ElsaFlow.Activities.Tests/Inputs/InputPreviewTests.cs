using ClosedXML.Excel;
using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Inputs;

/// <summary>Preview runs: every input reads at most the preview's number of rows.</summary>
public sealed class InputPreviewTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _data.DisposeAsync();

    private static string Flow(string activity) => $$$"""
        {"definitionId": "preview", "root": {"id": "root", "type": "Sequence", "activities": [{{{activity}}}]}}
        """;

    [Fact]
    public async Task Inputs_PreviewRun_ReadAtMostThePreviewRows()
    {
        _data.WriteFile("rows.csv", "n\n" + string.Join("\n", Enumerable.Range(1, 50)) + "\n");
        _data.WriteFile("rows.json", "[" + string.Join(",", Enumerable.Range(1, 50).Select(n => $"{{\"n\": {n}}}")) + "]");
        _data.WriteFile("rows.html", "<table><tr><th>n</th></tr>" + string.Join("", Enumerable.Range(1, 50).Select(n => $"<tr><td>{n}</td></tr>")) + "</table>");
        using (var workbook = new XLWorkbook())
        {
            var sheet = workbook.AddWorksheet("Rows");
            sheet.Cell(1, 1).Value = "n";
            for (var n = 1; n <= 50; n++) sheet.Cell(n + 1, 1).Value = n;
            workbook.SaveAs(_data.PathOf("rows.xlsx"));
        }
        string[] activities =
        [
            """{"id": "read", "type": "CsvInput", "path": "rows.csv"}""",
            """{"id": "read", "type": "JsonInput", "path": "rows.json"}""",
            """{"id": "read", "type": "HtmlInput", "path": "rows.html"}""",
            """{"id": "read", "type": "ExcelInput", "path": "rows.xlsx"}""",
            """{"id": "read", "type": "FakerInput", "rows": 50, "columns": ["city"], "seed": 1}"""
        ];

        foreach (var activity in activities)
        {
            var result = await _data.PreviewAsync(Flow(activity), "read", rows: 7);

            ResultAssert.Status(WorkflowStatus.Finished, result);
            Assert.True(7 == (await _data.RowsAsync(result, "read")).Count, activity);
        }
    }
}
