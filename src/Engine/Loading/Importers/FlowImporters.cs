using System.Text.Json.Nodes;
using ElsaFlow.Engine.Loading.Importers.Elsa3;
using ElsaFlow.Engine.Loading.Importers.NiceFlow;

namespace ElsaFlow.Engine.Loading.Importers;

/// <summary>The importers the loader tries, in order, on every document it reads; a native document matches none.</summary>
public static class FlowImporters
{
    public static IReadOnlyList<IFlowImporter> All { get; } = [new NiceFlowImporter(), new Elsa3Importer()];

    public static IFlowImporter? Find(JsonObject document) => All.FirstOrDefault(i => i.Recognises(document));

    /// <summary>
    /// Records an import in the native document's metadata (<c>metadata.importedFrom</c>: format and warnings), so the
    /// Studio, the API and <c>elsaflow import</c> show them wherever the flow goes.
    /// </summary>
    public static void Stamp(FlowImport import)
    {
        if (import.Document is not { } document) return;
        var metadata = document["metadata"] as JsonObject ?? new JsonObject();
        metadata["importedFrom"] = new JsonObject
        {
            ["format"] = import.Format,
            ["warnings"] = new JsonArray(import.Warnings.Select(w => (JsonNode)JsonValue.Create(w.ToString())).ToArray())
        };
        document["metadata"] = metadata;
    }
}
