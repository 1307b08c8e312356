using System.Text.Json.Nodes;
using ElsaFlow.Engine.Validation;

namespace ElsaFlow.Engine.Loading.Importers;

/// <summary>
/// What an importer made of a foreign flow: the native document (null when refused), one line per mapped node, the
/// warnings (imported, but behaves a little differently or lost something) and the problems (refused).
/// </summary>
public sealed class FlowImport(string format)
{
    public string Format { get; } = format;
    public JsonObject? Document { get; set; }
    public List<string> Mapped { get; } = [];
    public List<ValidationProblem> Warnings { get; } = [];
    public List<ValidationProblem> Problems { get; } = [];

    /// <summary>Connections an importer builds up while mapping (its scratch list; the document holds the result).</summary>
    internal List<JsonObject> Connections() => _connections;
    private readonly List<JsonObject> _connections = [];

    public bool Succeeded => Document is not null && Problems.Count == 0;
}
