using System.Text.Json.Nodes;

namespace ElsaFlow.Engine.Loading.Importers.NiceFlow;

/// <summary>
/// NiceFlow plugin class name (a node's <c>id</c>, case-sensitive as in NiceFlow) to the mapping that writes its
/// ElsaFlow activities; and the plugins refused, with why.
/// </summary>
internal static class NiceFlowPlugins
{
    public static readonly IReadOnlyDictionary<string, Func<NiceFlowNodeContext, IEnumerable<JsonObject>>> Mappings =
        new Dictionary<string, Func<NiceFlowNodeContext, IEnumerable<JsonObject>>>(StringComparer.Ordinal)
        {
            ["CsvInput"] = NiceFlowInputs.Csv,
            ["JsonInput"] = NiceFlowInputs.Json,
            ["ParquetInput"] = NiceFlowInputs.Parquet,
            ["ExcelInput"] = NiceFlowInputs.Excel,
            ["FakerInput"] = NiceFlowInputs.Faker,
            ["DuckDBInput"] = NiceFlowInputs.DuckDb,
            ["Starter"] = NiceFlowInputs.Starter,
            ["Sort"] = NiceFlowTransforms.Sort,
            ["Rename"] = NiceFlowTransforms.Rename,
            ["Masking"] = NiceFlowTransforms.Masking,
            ["Samples"] = NiceFlowTransforms.Samples,
            ["SQL"] = NiceFlowTransforms.Sql,
            ["Sequence"] = NiceFlowTransforms.Sql,
            ["Filter"] = NiceFlowTransforms.Filter,
            ["Duplicate"] = NiceFlowTransforms.Duplicate,
            ["Agg"] = NiceFlowTransforms.Agg,
            ["Mapping"] = NiceFlowTransforms.Mapping,
            ["SplitToRows"] = NiceFlowTransforms.SplitToRows,
            ["SplitFieldToRowsInput"] = NiceFlowTransforms.SplitToRows,
            ["Function"] = c => NiceFlowTransforms.Function(c, alwaysAdd: false),
            ["AddField"] = c => NiceFlowTransforms.Function(c, alwaysAdd: true),
            ["Pivot"] = NiceFlowTransforms.Pivot,
            ["Console"] = NiceFlowOutputs.Console,
            ["ConsoleOutput"] = NiceFlowOutputs.Console,
            ["CsvOutput"] = c => NiceFlowOutputs.File(c, "CsvOutput", "filename", "file_name", "file_path"),
            ["ParquetOutput"] = c => NiceFlowOutputs.File(c, "ParquetOutput", "file_name", "filename", "file_path"),
            ["HtmlOutput"] = c => NiceFlowOutputs.File(c, "HtmlOutput", "filename", "file_name", "file_path"),
            ["JsonOutput"] = NiceFlowOutputs.Json,
            ["ExcelOutput"] = NiceFlowOutputs.Excel,
            ["MarkdownOutput"] = NiceFlowOutputs.Markdown,
            ["DuckDBOutput"] = NiceFlowOutputs.DuckDb,
            ["IF"] = NiceFlowControl.Decide,
            ["While"] = NiceFlowControl.Decide,
            ["For"] = NiceFlowControl.For,
            ["Variable"] = NiceFlowControl.Variable,
            ["SubFlow"] = NiceFlowControl.SubFlow,
            ["Printer"] = NiceFlowControl.Printer
        };

    private static readonly string[] Connectors =
    [
        "FSSpecInput", "AKShareInput", "Spider", "MySQLInput", "PostGreSQLInput", "OracleInput", "SqlserverInput", "DB2Input", "DorisInput",
        "CKInput", "HiveInput", "ODPSInput", "ESInput", "MongoInput", "KafkaInput", "MqttInput", "PulsarInput", "PaimonInput", "HDFSInput",
        "CosInput", "MySQLOutput", "PostgreOutput", "CKOutput", "DorisOutput", "OracleOutput", "SqlserverOutput", "DB2Output", "HiveOutput",
        "ODPSOutput", "ESOutput", "MongoOutput", "KafkaOutput", "MqttOutput", "PulsarOutput", "PaimonOutput", "HDFSOutput", "CosOutput", "Email",
        "DBExecute"
    ];

    /// <summary>Why a plugin is not imported, in words a person can act on.</summary>
    public static string Refusal(string plugin) => plugin switch
    {
        "PyScript" => "Python source cannot run in ElsaFlow: rewrite the step with SQL, AddField or a JavaScript SetVariable",
        "FrameInput" => "a dataset handed over from Python code exists only inside a Python program",
        "FGrok" => "grok patterns have no ElsaFlow activity: use Str or SQL regexp_extract",
        "TableSchemaConvert" => "building PostgreSQL DDL from a data dictionary has no ElsaFlow activity",
        "HttpInput" => "NiceFlow's HttpInput is an HTTP server: use an HttpEndpoint trigger (no body-to-dataset step is mapped yet)",
        "HttpOutput" => "NiceFlow's HttpOutput is an HTTP server answering GET: use HttpEndpoint + HttpResponse",
        "Switch" or "Join" or "RegularExtract" or "UnPivot" => "a stub in NiceFlow that never ran: its meaning is not defined",
        _ when Connectors.Contains(plugin) => "connector not available in ElsaFlow yet",
        _ => "unknown plugin (a user plugin or a misspelt type): ElsaFlow has no activity for it"
    };
}
