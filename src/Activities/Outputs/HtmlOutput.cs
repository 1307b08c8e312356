using System.Net;
using ElsaFlow.Activities.Data;
using ElsaFlow.Data;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Outputs;

/// <summary>Writes a dataset as one self-contained HTML page: inline CSS, no scripts or outside links, every cell escaped.</summary>
[Activity(Category = "Outputs", Description = "Write the dataset as a styled, self-contained HTML page")]
public sealed class HtmlOutput : OutputActivity
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem;color:#1f2933;background:#fff}
        h1{font-size:1.4rem;margin:0 0 .25rem}
        p.meta{color:#616e7c;margin:0 0 1rem;font-size:.9rem}
        table{border-collapse:collapse;font-size:.9rem}
        th,td{border:1px solid #d9e2ec;padding:.35rem .6rem;text-align:left;vertical-align:top}
        th{background:#f0f4f8;position:sticky;top:0}
        tbody tr:nth-child(even){background:#f8fafc}
        td.num{text-align:right;font-variant-numeric:tabular-nums}
        td.null{color:#9aa5b1}
        """;

    [Input(Description = "File path (.html), relative to the data root", Required = true)]
    public Input<string> Path { get; init; } = new("");

    [Input(Description = "Page title and heading")]
    public Input<string> Title { get; init; } = new("Report");

    protected override async Task WriteAsync(DataContext context, Dataset input)
    {
        var path = OutputFiles.Prepare(context, context.Get(Path), "path");
        var title = WebUtility.HtmlEncode(context.Get(Title));
        var numeric = input.Columns.Select(c => OutputRows.IsNumeric(c.Type)).ToArray();
        long rows = 0;
        await using (var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false)))
        {
            await writer.WriteAsync($"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>\n{Style}</style>\n</head>\n<body>\n<h1>{title}</h1>\n");
            await writer.WriteAsync("<table>\n<thead><tr>");
            foreach (var column in input.Columns) await writer.WriteAsync($"<th>{WebUtility.HtmlEncode(column.Name)}</th>");
            await writer.WriteAsync("</tr></thead>\n<tbody>\n");
            await foreach (var cells in OutputRows.TextAsync(context, input))
            {
                await writer.WriteAsync("<tr>");
                for (var c = 0; c < cells.Length; c++)
                    await writer.WriteAsync(cells[c] is string text
                        ? $"<td{(numeric[c] ? " class=\"num\"" : "")}>{WebUtility.HtmlEncode(text)}</td>"
                        : "<td class=\"null\"></td>");
                await writer.WriteAsync("</tr>\n");
                rows++;
            }
            await writer.WriteAsync($"</tbody>\n</table>\n<p class=\"meta\">{rows} rows</p>\n</body>\n</html>\n");
        }
        context.Wrote(path);
        context.Log($"wrote {rows} rows to {path}");
    }
}
