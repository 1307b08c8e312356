using System.Text.Json.Nodes;
using ElsaFlow.Engine.Descriptors;
using ElsaFlow.Engine.Model;
using ElsaFlow.Engine.Secrets;

namespace ElsaFlow.Server.Workflows;

/// <summary>
/// Inputs whose descriptor is marked Sensitive (HTTP headers...) are shown as <c>***</c> in API answers when they hold
/// a literal; a definition saved back with <c>***</c> keeps the stored value. Expressions are shown: they name where the
/// secret comes from, not the secret.
/// </summary>
public static class SensitiveInputs
{
    public const string Mask = SecretRedactor.Mask;

    public static WorkflowDefinition Hide(WorkflowDefinition definition, ActivityRegistry registry)
    {
        foreach (var (node, name) in Sensitive(definition, registry))
            if (node.Inputs.TryGetValue(name, out var value) && value is not null && !IsExpression(value)) node.Inputs[name] = Mask;
        return definition;
    }

    /// <summary>Puts the stored values back where an update sent the mask.</summary>
    public static void Restore(WorkflowDefinition updated, WorkflowDefinition? stored, ActivityRegistry registry)
    {
        var previous = stored?.AllActivities().ToDictionary(a => a.Id, StringComparer.Ordinal) ?? [];
        foreach (var (node, name) in Sensitive(updated, registry))
        {
            if (node.Inputs.GetValueOrDefault(name) is not JsonValue v || !v.TryGetValue<string>(out var text) || text != Mask) continue;
            if (previous.TryGetValue(node.Id, out var old) && old.Inputs.TryGetValue(name, out var kept)) node.Inputs[name] = kept?.DeepClone();
            else node.Inputs.Remove(name);
        }
    }

    /// <summary>A copy of an instance's inputs with those that feed sensitive activity inputs masked.</summary>
    public static JsonObject HideInputs(JsonObject inputs, IReadOnlySet<string> sensitive)
    {
        var copy = inputs.DeepClone().AsObject();
        foreach (var name in sensitive)
            if (copy.ContainsKey(name)) copy[name] = Mask;
        return copy;
    }

    private static IEnumerable<(ActivityNode Node, string Input)> Sensitive(WorkflowDefinition definition, ActivityRegistry registry) =>
        from node in definition.AllActivities()
        where registry.TryGet(node.Type, out _)
        from input in registry.GetDescriptor(node.Type).Inputs
        where input.Sensitive
        select (node, input.Name);

    private static bool IsExpression(JsonNode value) => value is JsonObject o && o.ContainsKey("expression");
}
