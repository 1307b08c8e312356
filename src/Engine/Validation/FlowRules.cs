using System.Text.RegularExpressions;
using ElsaFlow.Engine.Model;

namespace ElsaFlow.Engine.Validation;

/// <summary>Checks of the flow as a whole: its id, inputs, variables, root container and unique activity ids.</summary>
internal static partial class FlowRules
{
    public static void Check(ValidationScope scope)
    {
        var definition = scope.Definition;
        if (string.IsNullOrWhiteSpace(definition.DefinitionId))
            scope.Report(null, "definitionId", "the flow has no definitionId; give it one, for example \"definitionId\": \"sales-report\"");
        else if (!DefinitionId().IsMatch(definition.DefinitionId))
            // The id names the flow in URLs, HTTP headers and file names: a non-ASCII id was saved, then its answer failed.
            scope.Report(null, "definitionId", $"'{definition.DefinitionId}' is not a valid definitionId: use at most 100 ASCII letters, digits, '-', '_' and '.', starting with a letter or digit");
        CheckNames(scope, "inputs", "input", definition.Inputs.Select(i => i.Name));
        CheckNames(scope, "variables", "variable", definition.Variables.Select(v => v.Name));
        if (!definition.Root.IsContainer)
            scope.Report(definition.Root.Id, "type", $"the root activity must be a Flowchart or a Sequence, not '{definition.Root.Type}'");
        foreach (var duplicate in definition.AllActivities().GroupBy(n => n.Id, StringComparer.Ordinal).Where(g => g.Count() > 1 && g.Key != ""))
            scope.Report(duplicate.Key, "id", $"the id '{duplicate.Key}' is used by {duplicate.Count()} activities; ids must be unique in the whole flow");
    }

    private static void CheckNames(ValidationScope scope, string field, string what, IEnumerable<string> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (string.IsNullOrWhiteSpace(name)) scope.Report(null, field, $"a workflow {what} has no name");
            else if (!seen.Add(name)) scope.Report(null, field, $"the workflow {what} '{name}' is declared more than once");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")] private static partial Regex DefinitionId();
}
