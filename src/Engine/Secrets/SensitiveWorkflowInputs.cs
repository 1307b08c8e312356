using ElsaFlow.Engine.Descriptors;
using ElsaFlow.Engine.Model;

namespace ElsaFlow.Engine.Secrets;

/// <summary>
/// The workflow inputs whose values are secrets: those that feed an activity input marked Sensitive (HTTP headers...),
/// named there as <c>inputs.name</c> or <c>${name}</c>, directly or through variables: a sensitive input that reads
/// <c>variables.auth</c> makes every input that a SetVariable of <c>auth</c> reads sensitive too; and every input the
/// flow declares <c>sensitive: true</c> (the sure way: inference cannot follow a value through a script or an output).
/// </summary>
public static class SensitiveWorkflowInputs
{
    private const string SetVariableType = "SetVariable";

    public static IReadOnlySet<string> Find(WorkflowDefinition definition, ActivityRegistry registry)
    {
        var texts = SensitiveTexts(definition, registry).ToList();
        var setters = Setters(definition);
        var followed = new HashSet<string>(StringComparer.Ordinal);
        // Each round adds what a newly named variable was set from, until no new variable is named.
        for (var i = 0; i < texts.Count; i++)
            foreach (var (variable, values) in setters)
                if (!followed.Contains(variable) && NamesVariable(texts[i], variable) && followed.Add(variable))
                    texts.AddRange(values);
        return definition.Inputs
            .Where(input => input.Sensitive || texts.Any(text => NamesInput(text, input.Name)))
            .Select(input => input.Name)
            .ToHashSet(StringComparer.Ordinal);
    }

    private static IEnumerable<string> SensitiveTexts(WorkflowDefinition definition, ActivityRegistry registry) =>
        from node in definition.AllActivities()
        where registry.TryGet(node.Type, out _)
        from input in registry.GetDescriptor(node.Type).Inputs
        where input.Sensitive && node.Inputs.GetValueOrDefault(input.Name) is not null
        select node.Inputs[input.Name]!.ToJsonString();

    // SetVariable nodes by the variable they set, with the text of the value they set it from.
    private static Dictionary<string, List<string>> Setters(WorkflowDefinition definition) =>
        definition.AllActivities()
            .Where(node => node.Type == SetVariableType && node.Inputs.GetValueOrDefault("variable")?.GetValueKind() == System.Text.Json.JsonValueKind.String)
            .GroupBy(node => node.Inputs["variable"]!.GetValue<string>(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(node => node.Inputs.GetValueOrDefault("value")?.ToJsonString() ?? "").ToList(), StringComparer.Ordinal);

    private static bool NamesInput(string text, string name) =>
        text.Contains("inputs." + name, StringComparison.Ordinal) || text.Contains("inputs[", StringComparison.Ordinal) && text.Contains(name, StringComparison.Ordinal)
        || text.Contains("${" + name + "}", StringComparison.Ordinal);

    private static bool NamesVariable(string text, string name) =>
        text.Contains("variables." + name, StringComparison.Ordinal) || text.Contains("variables[", StringComparison.Ordinal) && text.Contains(name, StringComparison.Ordinal)
        || text.Contains("${" + name + "}", StringComparison.Ordinal);
}
