using ElsaFlow.Engine.Model;
using ElsaFlow.Engine.Validation;

namespace ElsaFlow.Engine.Runtime;

/// <summary>How the runtime reads, writes and validates definitions (implemented over the flow loader).</summary>
public interface IDefinitionReader
{
    string ToJson(WorkflowDefinition definition);
    WorkflowDefinition FromJson(string json, string? sourcePath = null);

    /// <summary>Reads and validates a flow file; throws <see cref="WorkflowValidationException"/> with every problem.</summary>
    WorkflowDefinition LoadFile(string path);

    IReadOnlyList<ValidationProblem> Validate(WorkflowDefinition definition);
}
