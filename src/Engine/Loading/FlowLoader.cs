using System.Text.Json.Nodes;
using ElsaFlow.Engine.Descriptors;
using ElsaFlow.Engine.Loading.Importers;
using ElsaFlow.Engine.Model;
using ElsaFlow.Engine.Validation;

namespace ElsaFlow.Engine.Loading;

/// <summary>Reads flow files and texts (JSON, YAML, XML) into a <see cref="WorkflowDefinition"/> and validates them, reporting every problem at once.</summary>
public sealed class FlowLoader(ActivityRegistry registry, FlowLimits? limits = null)
{
    private readonly FlowLimits _limits = limits ?? new FlowLimits();
    private readonly FlowValidator _validator = new(registry);
    private readonly InputCoercion _coercion = new(registry);

    /// <summary>Reads a flow file in the format its extension names and sets its <see cref="WorkflowDefinition.SourcePath"/>.</summary>
    public FlowLoadResult LoadFile(string path)
    {
        if (!FlowFormat.TryFromPath(path, out var format))
            return Failed(null, $"{path} is not a flow file: use the extension .json, .yaml, .yml or .xml");
        string text;
        try
        {
            // A UTF-8 character takes at most 4 bytes: a file larger than that cannot be within the limit, so it is not read.
            if (new FileInfo(path).Length > 4L * _limits.MaxDocumentChars)
                return Failed(null, $"{path} is larger than a flow may be ({_limits.MaxDocumentChars:N0} characters; setting ElsaFlow:Flows:MaxDocumentChars)");
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(null, $"{path} cannot be read: {e.Message}");
        }
        var result = Parse(text, format, path);
        if (result.Definition is not null) result.Definition.SourcePath = Path.GetFullPath(path);
        return result;
    }

    /// <summary>Reads flow text in the given format; <paramref name="sourceName"/> names it in messages.</summary>
    public FlowLoadResult Parse(string text, FlowFormat format, string? sourceName = null) =>
        ReadDocument(text, format, sourceName, out var problems) is { } document
            ? FromDocument(document, format == FlowFormat.Xml)
            : new FlowLoadResult(null, problems);

    /// <summary>
    /// Reads flow text into the native document without mapping it (XML values stay text), so a caller may amend it
    /// first: the API takes the id from the URL. Null, with the one problem, when the text is not a flow document.
    /// </summary>
    public JsonObject? ReadDocument(string text, FlowFormat format, string? sourceName, out IReadOnlyList<ValidationProblem> problems) =>
        ReadDocument(text, format, sourceName, out problems, out _);

    /// <summary>
    /// As <see cref="ReadDocument(string, FlowFormat, string?, out IReadOnlyList{ValidationProblem})"/>, and says what the
    /// importer did when the text is a foreign flow (NiceFlow, Elsa 3): <paramref name="import"/> is null for a native one.
    /// A foreign flow an importer refuses gives its problems and no document, so nothing of it runs.
    /// </summary>
    public JsonObject? ReadDocument(string text, FlowFormat format, string? sourceName, out IReadOnlyList<ValidationProblem> problems, out FlowImport? import)
    {
        import = null;
        var document = ReadNative(text, format, sourceName, out problems);
        // XML mirrors the native document only; JSON and YAML may carry a foreign one.
        if (document is null || format == FlowFormat.Xml || FlowImporters.Find(document) is not { } importer) return document;
        import = importer.Import(document, sourceName ?? "the flow");
        if (!import.Succeeded)
        {
            problems = import.Problems.Count > 0 ? import.Problems : Failed(null, $"the {importer.Format} flow could not be imported").Problems;
            return null;
        }
        FlowImporters.Stamp(import);
        return import.Document;
    }

    private JsonObject? ReadNative(string text, FlowFormat format, string? sourceName, out IReadOnlyList<ValidationProblem> problems)
    {
        problems = [];
        var source = sourceName ?? $"the {format.ToString().ToUpperInvariant()} flow";
        if (text.Length > _limits.MaxDocumentChars)
        {
            problems = Failed(null, $"{source} has {text.Length:N0} characters; a flow may have at most {_limits.MaxDocumentChars:N0} (setting ElsaFlow:Flows:MaxDocumentChars)").Problems;
            return null;
        }
        try
        {
            TextCheck.Check(text, source);
            return format switch
            {
                FlowFormat.Yaml => YamlFlowReader.Read(text, source, _limits),
                FlowFormat.Xml => XmlFlowReader.Read(text, source, _limits),
                _ => JsonFlowReader.Read(text, source, _limits)
            };
        }
        catch (FlowSyntaxException e)
        {
            problems = Failed(null, e.Message).Problems;
            return null;
        }
    }

    /// <summary>Maps and validates a flow document already in the native JSON shape (what the API receives).</summary>
    public FlowLoadResult FromDocument(JsonObject document) => FromDocument(document, coerceStrings: false);

    private FlowLoadResult FromDocument(JsonObject document, bool coerceStrings)
    {
        var activities = ActivityCount.Of(document);
        if (activities > _limits.MaxActivities)
        {
            var id = document["definitionId"] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
            return Failed(id, $"{activities:N0} activities are more than a flow may have ({_limits.MaxActivities:N0}; "
                + "setting ElsaFlow:Flows:MaxActivities, or --max-activities for the CLI): split it into sub-flows");
        }
        var mapper = new FlowDocumentMapper(coerceStrings ? _coercion.Coerce : null,
            (type, key) => registry.TryGet(type, out var descriptor) && descriptor.FindInput(key) is not null);
        var definition = mapper.Map(document);
        var problems = mapper.Problems.Concat(_validator.Validate(definition)).ToList();
        return new FlowLoadResult(definition, problems);
    }

    private static FlowLoadResult Failed(string? definitionId, string message) =>
        new(null, [new ValidationProblem(definitionId, null, null, message)]);
}
