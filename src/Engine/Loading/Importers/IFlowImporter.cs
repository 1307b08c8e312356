using System.Text.Json.Nodes;

namespace ElsaFlow.Engine.Loading.Importers;

/// <summary>
/// Turns a flow written in a foreign format into the native flow document. Chosen by content
/// (<see cref="Recognises"/>), never by file name: a NiceFlow flow and a native flow are both .json.
/// </summary>
public interface IFlowImporter
{
    /// <summary>The format's name as people know it ("NiceFlow", "Elsa 3").</summary>
    string Format { get; }

    /// <summary>Whether the document is written in this format (a cheap look at its top-level keys).</summary>
    bool Recognises(JsonObject document);

    /// <summary>Maps the document; <paramref name="source"/> is the file path or a name for messages and the fallback id.</summary>
    FlowImport Import(JsonObject document, string source);
}
