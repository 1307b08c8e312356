using ClosedXML.Excel;
using ElsaFlow.Activities.Data;
using ElsaFlow.Data;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Inputs;

/// <summary>
/// Reads one sheet of an Excel workbook (.xlsx) with ClosedXML into a table, through the appender. Column types are
/// taken from the cells: numbers (BIGINT when all whole), dates, booleans, text when they disagree.
/// </summary>
[Activity(Category = "Inputs", Description = "Read a sheet of an Excel workbook (.xlsx) into a dataset")]
public sealed class ExcelInput : DataActivity
{
    [Input(Description = "Workbook path (.xlsx), relative to the data root", Required = true)]
    public Input<string> Path { get; init; } = new("");

    [Input(Description = "Sheet name, or its position counting from 0; the first sheet when empty")]
    public Input<string> Sheet { get; init; } = new("");

    [Input(Description = "Row number (from 1) holding the column names; 0 when there is none")]
    public Input<int> HeaderRow { get; init; } = new(1);

    [Input(Description = "Row number (from 1) of the first data row; the row after the header when empty")]
    public Input<int?> FirstDataRow { get; init; } = new(null);

    public override void Validate(ActivityValidationContext context)
    {
        if (context.Raw("headerRow") is System.Text.Json.Nodes.JsonValue h && h.TryGetValue<int>(out var header) && header < 0)
            context.Report("headerRow", "must be 0 (no header) or a row number from 1");
        if (context.Raw("firstDataRow") is System.Text.Json.Nodes.JsonValue f && f.TryGetValue<int>(out var first) && first < 1)
            context.Report("firstDataRow", "must be a row number from 1");
    }

    protected override async ValueTask<DataResult> ExecuteAsync(DataContext context)
    {
        var path = context.Get(Path);
        var full = InputFiles.Existing(context, path);
        var headerRow = context.Get(HeaderRow);
        if (headerRow < 0) throw new DataStepException("headerRow: must be 0 (no header) or a row number from 1");
        var firstRow = context.Get(FirstDataRow) ?? headerRow + 1;
        if (firstRow < 1 || firstRow <= headerRow) throw new DataStepException($"firstDataRow: must come after the header row ({headerRow})");

        XLWorkbook workbook;
        try { workbook = new XLWorkbook(full); }
        catch (Exception e) { throw new DataStepException($"path: '{path}' is not readable as an Excel workbook (.xlsx): {e.Message}", e); }
        using (workbook)
        {
            var sheet = FindSheet(workbook, context.Get(Sheet) ?? "", path);
            var lastColumn = sheet.LastColumnUsed()?.ColumnNumber() ?? 0;
            var lastRow = sheet.LastRowUsed()?.RowNumber() ?? 0;
            if (context.PreviewRows is { } preview) lastRow = Math.Min(lastRow, firstRow + preview - 1);

            var names = AppendedTable.UniqueNames(Enumerable.Range(1, lastColumn)
                .Select(c => headerRow > 0 ? sheet.Cell(headerRow, c).GetFormattedString() : null));
            var rows = new List<object?[]>();
            for (var r = firstRow; r <= lastRow; r++)
            {
                var row = Enumerable.Range(1, lastColumn).Select(c => sheet.Cell(r, c) is var cell && cell.IsEmpty() ? null : cell.Value).ToArray();
                if (row.Any(v => v is not null && v is not string { Length: 0 })) rows.Add(row);
            }
            var types = Enumerable.Range(0, lastColumn).Select(c => ColumnGuess.TypeOf(rows.Select(row => row[c]), parseText: false)).ToList();
            var schema = names.Select((name, c) => new DataColumn(name, types[c])).ToList();
            var values = rows.Select(row => row.Select((value, c) => ColumnGuess.Convert(value, types[c])).ToArray());
            return DataResult.Done(await AppendedTable.FillAsync(context, schema, values));
        }
    }

    private static IXLWorksheet FindSheet(XLWorkbook workbook, string sheet, string path)
    {
        var sheets = workbook.Worksheets.OrderBy(s => s.Position).ToList();
        if (sheet.Length == 0) return sheets.FirstOrDefault() ?? throw new DataStepException($"sheet: '{path}' has no sheets");
        var byName = sheets.FirstOrDefault(s => string.Equals(s.Name, sheet, StringComparison.OrdinalIgnoreCase));
        if (byName is not null) return byName;
        if (int.TryParse(sheet, out var index) && index >= 0 && index < sheets.Count) return sheets[index];
        throw new DataStepException($"sheet: '{path}' has no sheet '{sheet}'; its sheets are {string.Join(", ", sheets.Select(s => s.Name))}");
    }
}
