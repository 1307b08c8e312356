using System.Text.Json.Nodes;
using ElsaFlow.Engine.Descriptors;
using ElsaFlow.Engine.Model;
using ElsaFlow.Engine.Validation;

namespace ElsaFlow.Engine.Loading;

/// <summary>Reads flow files and texts (JSON, YAML, XML) into a <see cref="WorkflowDefinition"/> and validates them, reporting every problem at once.</summary>
public sealed class FlowLoader(ActivityRegistry registry)
{
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
    public FlowLoadResult Parse(string text, FlowFormat format, string? sourceName = null)
    {
        var source = sourceName ?? $"the {format.ToString().ToUpperInvariant()} flow";
        JsonObject document;
        try
        {
            document = format switch
            {
                FlowFormat.Yaml => YamlFlowReader.Read(text, source),
                FlowFormat.Xml => XmlFlowReader.Read(text, source),
                _ => JsonFlowReader.Read(text, source)
            };
        }
        catch (FlowSyntaxException e)
        {
            return Failed(null, e.Message);
        }
        return FromDocument(document, format == FlowFormat.Xml);
    }

    /// <summary>Maps and validates a flow document already in the native JSON shape (what the API receives).</summary>
    public FlowLoadResult FromDocument(JsonObject document) => FromDocument(document, coerceStrings: false);

    private FlowLoadResult FromDocument(JsonObject document, bool coerceStrings)
    {
        var mapper = new FlowDocumentMapper(coerceStrings ? _coercion.Coerce : null,
            (type, key) => registry.TryGet(type, out var descriptor) && descriptor.FindInput(key) is not null);
        var definition = mapper.Map(document);
        var problems = mapper.Problems.Concat(_validator.Validate(definition)).ToList();
        return new FlowLoadResult(definition, problems);
    }

    private static FlowLoadResult Failed(string? definitionId, string message) =>
        new(null, [new ValidationProblem(definitionId, null, null, message)]);
}
