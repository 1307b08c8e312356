using ElsaFlow.Engine.ActivityModel;
using ElsaFlow.Engine.Model;

namespace ElsaFlow.Engine.Validation;

/// <summary>Checks the connections of a container: both ends are its children and both ports exist.</summary>
internal static class ConnectionRules
{
    public static void Check(ValidationScope scope, ActivityNode container)
    {
        // Looked up by id once per container: a scan per connection made a 60,000-activity flowchart quadratic.
        var children = new Dictionary<string, ActivityNode>(StringComparer.Ordinal);
        foreach (var child in container.Activities) children.TryAdd(child.Id, child);
        var outcomes = new Dictionary<ActivityNode, IReadOnlyCollection<string>?>();
        foreach (var connection in container.Connections)
        {
            if (Child(scope, container, children, connection, connection.Source, "from") is { } source)
            {
                if (!outcomes.TryGetValue(source, out var ports)) outcomes[source] = ports = Outcomes(scope, source);
                CheckPort(scope, container, connection, source, connection.Source.Port, ports, "outcome");
            }
            if (Child(scope, container, children, connection, connection.Target, "to") is { } target && scope.Registry.TryGet(target.Type, out var descriptor))
                CheckPort(scope, container, connection, target, connection.Target.Port, descriptor.InputPorts, "input");
        }
    }

    /// <summary>Every port an activity may fire: declared outcomes, ports its inputs create, and Error when errors are routed.</summary>
    public static IReadOnlyCollection<string>? Outcomes(ValidationScope scope, ActivityNode node)
    {
        if (!scope.Registry.TryGet(node.Type, out var descriptor)) return null;
        var outcomes = new List<string>(descriptor.Outcomes);
        if (scope.Registry.GetActivity(node.Type) is IDynamicPorts dynamic)
        {
            try
            {
                outcomes.AddRange(dynamic.GetOutcomes(node));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Malformed inputs behind the ports are reported by the input checks; the ports just stay unknown.
            }
        }
        if (node.Behaviours.OnError == OnErrorMode.Port) outcomes.Add(Ports.Error);
        return outcomes.Distinct(StringComparer.Ordinal).ToList();
    }

    private static ActivityNode? Child(ValidationScope scope, ActivityNode container, Dictionary<string, ActivityNode> children, Connection connection,
        Endpoint end, string direction)
    {
        if (children.TryGetValue(end.Activity, out var child)) return child;
        var elsewhere = scope.ActivityIds.Contains(end.Activity);
        scope.Report(container.Id, "connections", elsewhere
            ? $"the connection {connection} goes {direction} '{end.Activity}', which is not a child of '{container.Id}'; connections stay inside their container"
            : $"the connection {connection} goes {direction} '{end.Activity}', but there is no activity with that id");
        return null;
    }

    private static void CheckPort(ValidationScope scope, ActivityNode container, Connection connection, ActivityNode node, string port,
        IReadOnlyCollection<string>? ports, string kind)
    {
        if (ports is null || ports.Contains(port, StringComparer.Ordinal)) return;
        scope.Report(container.Id, "connections",
            $"the connection {connection} uses the unknown {kind} port '{port}' of '{node.Id}'; {node.Type} has the {kind} ports {string.Join(", ", ports)}");
    }
}
