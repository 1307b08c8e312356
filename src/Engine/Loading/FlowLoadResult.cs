using ElsaFlow.Engine.Model;
using ElsaFlow.Engine.Validation;

namespace ElsaFlow.Engine.Loading;

/// <summary>What loading a flow produced: the definition (null when the text could not be read at all) and every problem found.</summary>
public sealed record FlowLoadResult(WorkflowDefinition? Definition, IReadOnlyList<ValidationProblem> Problems)
{
    public bool IsValid => Definition is not null && Problems.Count == 0;
}
