using ElsaFlow.Engine.ActivityModel;
using ElsaFlow.Engine.Descriptors;
using ElsaFlow.Engine.Model;

namespace ElsaFlow.Engine.Validation;

/// <summary>Checks a workflow definition against the registered activities and returns every problem at once.</summary>
public sealed class FlowValidator(ActivityRegistry registry)
{
    public IReadOnlyList<ValidationProblem> Validate(WorkflowDefinition definition)
    {
        var scope = new ValidationScope(definition, registry);
        FlowRules.Check(scope);
        foreach (var node in definition.AllActivities())
        {
            NodeRules.Check(scope, node);
            BehaviourRules.Check(scope, node);
            if (!registry.TryGet(node.Type, out var descriptor)) continue;
            InputRules.Check(scope, node, descriptor);
            if (node.Activities.Count > 0 || node.Connections.Count > 0) ConnectionRules.Check(scope, node);
            RunActivityChecks(scope, node);
        }
        return scope.Problems;
    }

    private void RunActivityChecks(ValidationScope scope, ActivityNode node)
    {
        var context = new ActivityValidationContext(scope.Definition, node, scope.Problems, registry.SqlSyntax);
        try
        {
            registry.GetActivity(node.Type).Validate(context);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // An activity's own check that crashes must not hide the other problems of the flow.
            scope.Report(node.Id, null, $"the {node.Type} activity could not check its settings: {e.Message}");
        }
    }
}
