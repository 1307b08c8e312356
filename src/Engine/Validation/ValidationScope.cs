using ElsaFlow.Engine.Descriptors;
using ElsaFlow.Engine.Model;

namespace ElsaFlow.Engine.Validation;

/// <summary>The flow being validated, the registry it is checked against, and the problems found so far.</summary>
internal sealed class ValidationScope(WorkflowDefinition definition, ActivityRegistry registry)
{
    public WorkflowDefinition Definition { get; } = definition;
    public ActivityRegistry Registry { get; } = registry;
    public List<ValidationProblem> Problems { get; } = [];

    public void Report(string? activityId, string? field, string message) =>
        Problems.Add(new ValidationProblem(string.IsNullOrEmpty(Definition.DefinitionId) ? null : Definition.DefinitionId, activityId, field, message));
}
