using System.Text.RegularExpressions;
using ElsaFlow.Engine.Model;

namespace ElsaFlow.Engine.Validation;

/// <summary>Checks of one activity node on its own: a usable id, a known type, children only in containers.</summary>
internal static partial class NodeRules
{
    public static void Check(ValidationScope scope, ActivityNode node)
    {
        if (!Id().IsMatch(node.Id))
            scope.Report(node.Id == "" ? null : node.Id, "id", node.Id == ""
                ? $"a {Describe(node.Type)} activity has no id"
                : $"'{node.Id}' is not a valid id: use letters, digits and _, not starting with a digit (ids are used in JavaScript and SQL)");
        if (string.IsNullOrEmpty(node.Type))
            scope.Report(node.Id, "type", "the activity has no type");
        else if (!scope.Registry.TryGet(node.Type, out _))
        {
            if (!scope.Hints.TryGetValue("type:" + node.Type, out var message)) scope.Hints["type:" + node.Type] = message = UnknownType(scope, node.Type);
            scope.Report(node.Id, "type", message);
        }
        if (!node.IsContainer && node.Activities.Count > 0)
            scope.Report(node.Id, "activities", $"only a Flowchart or a Sequence holds activities, not a {node.Type}");
        if (!node.IsContainer && node.Connections.Count > 0)
            scope.Report(node.Id, "connections", $"only a Flowchart holds connections, not a {node.Type}");
        if (node.Start is { } start && node.Activities.All(a => a.Id != start))
            scope.Report(node.Id, "start", $"the start activity '{start}' is not a child of '{node.Id}'");
    }

    private static string UnknownType(ValidationScope scope, string type)
    {
        var known = scope.Registry.Descriptors.Select(d => d.Type).ToList();
        var suggestion = NameSuggester.Closest(type, known);
        return suggestion is null ? $"unknown activity type '{type}'" : $"unknown activity type '{type}'; did you mean '{suggestion}'?";
    }

    private static string Describe(string type) => type == "" ? "typeless" : type;

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")] private static partial Regex Id();
}
