using System.Text.Json.Nodes;
using ElsaFlow.Data.Workspace;
using Spectre.Console;

namespace ElsaFlow.Cli.Output;

/// <summary>Prints a dataset preview: the schema (name: type), the row count, and the page of rows as a table.</summary>
public static class PreviewPrinter
{
    public static void Print(string instanceId, string activityId, DatasetPreview preview, bool json)
    {
        if (json) CliJson.Write(ToJson(instanceId, activityId, preview));
        else PrintText(Terminal.Out, activityId, preview);
    }

    public static JsonObject ToJson(string instanceId, string activityId, DatasetPreview preview) => new()
    {
        ["instanceId"] = instanceId,
        ["activityId"] = activityId,
        ["columns"] = new JsonArray(preview.Columns.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["type"] = c.Type }).ToArray()),
        ["rowCount"] = preview.RowCount,
        ["offset"] = preview.Offset,
        ["rows"] = new JsonArray(preview.Rows.Select(r => (JsonNode)r.DeepClone()).ToArray())
    };

    private static void PrintText(IAnsiConsole console, string activityId, DatasetPreview preview)
    {
        var shown = preview.Rows.Count == 0 ? "none shown" : $"showing {preview.Offset + 1}-{preview.Offset + preview.Rows.Count}";
        console.MarkupLine(Markup.Escape($"{activityId}: {preview.RowCount} {(preview.RowCount == 1 ? "row" : "rows")} ({shown})"));
        foreach (var column in preview.Columns)
            console.MarkupLine($"  {Markup.Escape(column.Name)}: [grey]{Markup.Escape(column.Type)}[/]");
        if (preview.Columns.Count == 0) return;

        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in preview.Columns) table.AddColumn(Markup.Escape(column.Name));
        foreach (var row in preview.Rows)
            table.AddRow(preview.Columns.Select(c => Cell(row[c.Name])).ToArray());
        console.Write(table);
    }

    private static string Cell(JsonNode? value) => value switch
    {
        null => "[grey]null[/]",
        JsonValue v when v.TryGetValue<string>(out var text) => Markup.Escape(text),
        _ => Markup.Escape(value.ToJsonString())
    };
}
