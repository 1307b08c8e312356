using ElsaFlow.Engine.Descriptors;
using ElsaFlow.Engine.Model;
using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Validation;

namespace ElsaFlow.Engine.Loading;

/// <summary>The runtime's view of flow files: the loader, writer and validator over one registry.</summary>
public sealed class FlowDefinitionReader(ActivityRegistry registry, FlowLimits? limits = null) : IDefinitionReader
{
    private readonly FlowLoader _loader = new(registry, limits);
    private readonly FlowValidator _validator = new(registry);

    public string ToJson(WorkflowDefinition definition) => FlowWriter.Write(definition, FlowFormat.Json);

    public WorkflowDefinition FromJson(string json, string? sourcePath = null)
    {
        var result = _loader.Parse(json, FlowFormat.Json, sourcePath);
        if (result.Definition is null) throw new WorkflowValidationException(result.Problems);
        result.Definition.SourcePath = sourcePath;
        return result.Definition;
    }

    public WorkflowDefinition LoadFile(string path)
    {
        var result = _loader.LoadFile(path);
        if (!result.IsValid || result.Definition is null) throw new WorkflowValidationException(result.Problems);
        return result.Definition;
    }

    public IReadOnlyList<ValidationProblem> Validate(WorkflowDefinition definition) => _validator.Validate(definition);
}
