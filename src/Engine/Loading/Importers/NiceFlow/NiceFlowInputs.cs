using System.Text.Json.Nodes;

namespace ElsaFlow.Engine.Loading.Importers.NiceFlow;

/// <summary>NiceFlow's file and generator inputs (FORMAT section 5, Inputs).</summary>
internal static class NiceFlowInputs
{
    public static IEnumerable<JsonObject> Csv(NiceFlowNodeContext c)
    {
        var a = c.Activity("CsvInput");
        if (c.RequiredText("filename", "file_name", "file_path") is { } path) a["path"] = NiceFlowText.Text(path);
        if (c.Properties.Get("header") is { } header) a["header"] = header.DeepClone();
        switch (c.Properties.Text("delimiter"))
        {
            case null: break;
            case "None": c.Warn("delimiter", "the text \"None\" means no delimiter given: ElsaFlow uses ','"); break;
            case var d: a["delimiter"] = NiceFlowText.Text(d); break;
        }
        if (c.Properties.Text("encoding") is { } encoding) a["encoding"] = encoding;
        var types = new JsonObject();
        if (c.Properties.Get("dtype") is JsonObject dtype)
            foreach (var (column, type) in dtype) types[column] = type?.DeepClone();
        if (c.Properties.Get("all_varchar") is JsonValue all && all.TryGetValue<bool>(out var allText) && allText)
            c.Warn("all_varchar", "every column as VARCHAR has no ElsaFlow switch: name the columns in types");
        if (types.Count > 0) a["types"] = types;
        if (c.Properties.Has("names", "skip")) c.Warn("names", "names and skip are not mapped: the file's header gives the column names");
        c.Properties.Ignore("sample_size", "compression");
        yield return a;
    }

    public static IEnumerable<JsonObject> Json(NiceFlowNodeContext c)
    {
        var a = c.Activity("JsonInput");
        if (c.RequiredText("filename", "file_name", "file_path") is { } path) a["path"] = NiceFlowText.Text(path);
        a["format"] = c.Properties.Text("format") switch
        {
            "newline_delimited" => "lines",
            "array" => "array",
            _ => "auto"
        };
        c.Properties.Ignore("columns", "records");
        yield return a;
    }

    public static IEnumerable<JsonObject> Parquet(NiceFlowNodeContext c)
    {
        var a = c.Activity("ParquetInput");
        if (c.RequiredText("file_name", "filename", "file_path") is { } path) a["path"] = NiceFlowText.Text(path);
        c.Properties.Ignore("type");
        yield return a;
    }

    public static IEnumerable<JsonObject> Excel(NiceFlowNodeContext c)
    {
        var a = c.Activity("ExcelInput");
        if (c.RequiredText("filename", "file_name", "file_path") is { } path) a["path"] = NiceFlowText.Text(path);
        if (c.Properties.Text("sheet_name") is { Length: > 0 } sheet) a["sheet"] = NiceFlowText.Text(sheet);
        yield return a;
    }

    public static IEnumerable<JsonObject> Faker(NiceFlowNodeContext c)
    {
        var a = c.Activity("FakerInput");
        if (c.Required("rows") is { } rows) a["rows"] = NiceFlowText.Number(rows);
        a["columns"] = c.Properties.List("columns").DeepClone();
        a["randoms"] = c.Properties.List("randoms").DeepClone();
        a["locale"] = "zh_CN";
        yield return a;
    }

    public static IEnumerable<JsonObject> DuckDb(NiceFlowNodeContext c)
    {
        var a = c.Activity("DuckDBInput");
        var path = c.Properties.Text("path") ?? "";
        if (path.Length == 0) c.Refuse("path", "an in-memory DuckDB (empty path) has no ElsaFlow counterpart: give a database file, or use SQL over an input");
        else a["path"] = NiceFlowText.Text(path);
        if (c.RequiredText("sql") is { } sql) a["query"] = NiceFlowSql.Raw(c, "sql", sql);
        yield return a;
    }

    public static IEnumerable<JsonObject> Starter(NiceFlowNodeContext c)
    {
        // Starter.variables become workflow variables (the importer declares them); the activity is ElsaFlow's Starter.
        c.Properties.Ignore("variables");
        yield return c.Activity("Starter");
    }
}
