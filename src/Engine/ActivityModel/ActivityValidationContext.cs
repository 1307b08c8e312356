using System.Text.Json.Nodes;
using ElsaFlow.Engine.Model;
using ElsaFlow.Engine.Validation;

namespace ElsaFlow.Engine.ActivityModel;

/// <summary>Lets an activity add its own checks on a node of a flow being validated.</summary>
public sealed class ActivityValidationContext(WorkflowDefinition definition, ActivityNode node, List<ValidationProblem> problems)
{
    public WorkflowDefinition Definition { get; } = definition;
    public ActivityNode Node { get; } = node;

    public JsonNode? Raw(string input) => Node.Inputs.TryGetValue(input, out var value) ? value : null;
    public bool Has(string input) => Node.Inputs.TryGetValue(input, out var value) && value is not null;

    public void Report(string field, string message) =>
        problems.Add(new ValidationProblem(Definition.DefinitionId, Node.Id, field, message));
}
