using ElsaFlow.Engine.Descriptors;
using ElsaFlow.Engine.Model;

namespace ElsaFlow.Engine.Validation;

/// <summary>The flow being validated, the registry it is checked against, and the problems found so far.</summary>
internal sealed class ValidationScope(WorkflowDefinition definition, ActivityRegistry registry)
{
    public WorkflowDefinition Definition { get; } = definition;
    public ActivityRegistry Registry { get; } = registry;
    public List<ValidationProblem> Problems { get; } = [];

    /// <summary>Every activity id of the flow, gathered on first use (only a broken connection asks).</summary>
    public HashSet<string> ActivityIds => _ids ??= Definition.AllActivities().Select(a => a.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>"Did you mean" hints by misspelt name: a flow repeating one wrong type or input computes its hint once.</summary>
    public Dictionary<string, string> Hints { get; } = new(StringComparer.Ordinal);

    private HashSet<string>? _ids;

    public void Report(string? activityId, string? field, string message) =>
        Problems.Add(new ValidationProblem(string.IsNullOrEmpty(Definition.DefinitionId) ? null : Definition.DefinitionId, activityId, field, message));
}
