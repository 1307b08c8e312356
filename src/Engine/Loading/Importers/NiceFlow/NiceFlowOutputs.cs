using System.Text.Json.Nodes;

namespace ElsaFlow.Engine.Loading.Importers.NiceFlow;

/// <summary>NiceFlow's outputs (FORMAT section 5, Outputs). ElsaFlow outputs pass their input on, a superset of NiceFlow's.</summary>
internal static class NiceFlowOutputs
{
    public static IEnumerable<JsonObject> Console(NiceFlowNodeContext c)
    {
        var a = c.Activity("ConsoleOutput");
        a["rows"] = c.Properties.Get("row", "max_rows") is { } rows ? NiceFlowText.Number(rows) : 100;
        if (c.Properties.Get("max_col_width") is { } width) a["maxWidth"] = NiceFlowText.Number(width);
        c.Properties.Ignore("max_width", "null_value");
        yield return a;
    }

    public static IEnumerable<JsonObject> File(NiceFlowNodeContext c, string type, params string[] pathNames)
    {
        var a = c.Activity(type);
        if (c.RequiredText(pathNames) is { } path) a["path"] = NiceFlowText.Text(path);
        c.Properties.Ignore("type", "encoding", "index");
        yield return a;
    }

    public static IEnumerable<JsonObject> Json(NiceFlowNodeContext c)
    {
        var a = c.Activity("JsonOutput");
        if (c.RequiredText("filename", "file_name", "file_path") is { } path) a["path"] = NiceFlowText.Text(path);
        a["format"] = c.Properties.Get("lines") is JsonValue v && v.TryGetValue<bool>(out var lines) && lines ? "Lines" : "Array";
        if (c.Properties.Text("orient") is { } orient && orient != "records") c.Warn("orient", $"orient '{orient}' is written as records");
        c.Properties.Ignore("force_ascii", "indent");
        yield return a;
    }

    public static IEnumerable<JsonObject> Excel(NiceFlowNodeContext c)
    {
        var a = c.Activity("ExcelOutput");
        if (c.RequiredText("file_name", "filename", "file_path") is { } path) a["path"] = NiceFlowText.Text(path);
        if (c.Properties.Text("sheet_name") is { Length: > 0 } sheet) a["sheet"] = NiceFlowText.Text(sheet);
        yield return a;
    }

    public static IEnumerable<JsonObject> Markdown(NiceFlowNodeContext c)
    {
        var a = c.Activity("MarkdownOutput");
        if (c.RequiredText("filename", "file_path", "file_name") is { } path) a["path"] = NiceFlowText.Text(path);
        if (c.Properties.Get("limit") is { } limit && limit.ToJsonString() != "1000")
            c.Warn("limit", "MarkdownOutput writes every row: the limit is not applied");
        c.Properties.Ignore("encoding", "limit");
        yield return a;
    }

    public static IEnumerable<JsonObject> DuckDb(NiceFlowNodeContext c)
    {
        var a = c.Activity("DuckDBOutput");
        if (c.RequiredText("path") is { } path) a["path"] = NiceFlowText.Text(path);
        if (c.RequiredText("table") is { } table) a["table"] = NiceFlowText.Text(table);
        a["mode"] = "insert";
        c.Warn("table", "NiceFlow fails when the table exists (CREATE TABLE AS); ElsaFlow appends to it on a second run");
        yield return a;
    }
}
