using System.Numerics;
using ClosedXML.Excel;
using ElsaFlow.Activities.Data;
using ElsaFlow.Data;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Outputs;

/// <summary>Writes a dataset to one sheet of a new .xlsx workbook (ClosedXML); numbers, dates and booleans keep their types.</summary>
[Activity(Category = "Outputs", Description = "Write the dataset to a sheet of an Excel workbook (.xlsx)")]
public sealed class ExcelOutput : OutputActivity
{
    private const int MaxRows = 1_048_576;

    [Input(Description = "File path (.xlsx), relative to the data root", Required = true)]
    public Input<string> Path { get; init; } = new("");

    [Input(Description = "Name of the sheet (at most 31 characters, none of []:*?/\\)")]
    public Input<string> Sheet { get; init; } = new("Sheet1");

    [Input(Description = "Whether the first row holds the column names")]
    public Input<bool> Header { get; init; } = new(true);

    protected override async Task WriteAsync(DataContext context, Dataset input)
    {
        var path = OutputFiles.Prepare(context, context.Get(Path), "path");
        using var workbook = new XLWorkbook();
        var sheet = AddSheet(workbook, context.Get(Sheet));
        var row = 1;
        if (context.Get(Header))
        {
            for (var c = 0; c < input.Columns.Count; c++) sheet.Cell(row, c + 1).SetValue(input.Columns[c].Name);
            sheet.Row(row).Style.Font.Bold = true;
            row++;
        }
        var first = row;
        await foreach (var values in OutputRows.ValuesAsync(context, input))
        {
            if (row > MaxRows) throw new DataStepException($"path: the dataset has more rows than an Excel sheet holds ({MaxRows:N0}); use CsvOutput or ParquetOutput");
            for (var c = 0; c < values.Length; c++) SetCell(sheet.Cell(row, c + 1), values[c]);
            row++;
        }
        if (File.Exists(path)) File.Delete(path);
        workbook.SaveAs(path);
        context.Wrote(path);
        context.Log($"wrote {row - first} rows to {path} (sheet '{sheet.Name}')");
    }

    private static IXLWorksheet AddSheet(XLWorkbook workbook, string name)
    {
        try
        {
            return workbook.Worksheets.Add(name);
        }
        catch (ArgumentException e)
        {
            throw new DataStepException($"sheet: '{name}' is not a valid sheet name: {e.Message}");
        }
    }

    private static void SetCell(IXLCell cell, object? value)
    {
        switch (value)
        {
            case null: break;
            case string s: cell.SetValue(s); break;
            case bool b: cell.SetValue(b); break;
            case byte or sbyte or short or ushort or int or uint or long or ulong or float or double:
                cell.SetValue(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            case decimal d: cell.SetValue(d); break;
            case BigInteger big: cell.SetValue((double)big); break;
            case DateTime dt: cell.SetValue(dt); break;
            case DateOnly date: cell.SetValue(date.ToDateTime(TimeOnly.MinValue)); break;
            case DateTimeOffset dto: cell.SetValue(dto.UtcDateTime); break;
            case TimeSpan span: cell.SetValue(span); break;
            default: cell.SetValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""); break;
        }
    }
}
