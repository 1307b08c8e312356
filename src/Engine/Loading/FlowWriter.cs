using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ElsaFlow.Engine.Model;

namespace ElsaFlow.Engine.Loading;

/// <summary>Writes a workflow definition as native JSON, YAML or XML; reading the text back gives the same definition.</summary>
public static class FlowWriter
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // Flows hold JavaScript and SQL ("a > 1 && b < 2"); escaping them for HTML would make files unreadable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping
    };

    public static string Write(WorkflowDefinition definition, FlowFormat format)
    {
        var document = ToDocument(definition);
        return format switch
        {
            FlowFormat.Yaml => YamlFlowWriter.Write(document),
            FlowFormat.Xml => XmlFlowWriter.Write(document),
            _ => document.ToJsonString(Indented) + "\n"
        };
    }

    /// <summary>Writes to a file in the format its extension names.</summary>
    public static void WriteFile(WorkflowDefinition definition, string path) =>
        File.WriteAllText(path, Write(definition, FlowFormat.FromPath(path)));

    /// <summary>The definition as the native JSON document (what the API and the Studio exchange).</summary>
    public static JsonObject ToDocument(WorkflowDefinition definition) => FlowDocumentWriter.Write(definition);
}
