using ElsaFlow.Engine.ActivityModel;
using ElsaFlow.Engine.Descriptors;
using ElsaFlow.Engine.Model;

namespace ElsaFlow.Engine.Runtime.Graph;

/// <summary>A definition compiled for running: nodes by id, resolved connections, back-edges and start activities.</summary>
internal sealed class WorkflowGraph
{
    private readonly Dictionary<string, GraphNode> _nodes = new(StringComparer.Ordinal);

    private WorkflowGraph(WorkflowDefinition definition) => Definition = definition;

    public WorkflowDefinition Definition { get; }
    public GraphNode Root { get; private set; } = null!;

    public GraphNode this[string id] => _nodes.TryGetValue(id, out var node)
        ? node
        : throw new InvalidOperationException($"Flow '{Definition.DefinitionId}' has no activity '{id}'");

    public bool TryGet(string id, out GraphNode node) => _nodes.TryGetValue(id, out node!);

    /// <summary>Compiles a definition that passed validation.</summary>
    public static WorkflowGraph Compile(WorkflowDefinition definition, ActivityRegistry registry)
    {
        var graph = new WorkflowGraph(definition);
        graph.Root = graph.Add(definition.Root, null, registry);
        ReadOnceRule.Apply(graph._nodes.Values, definition);
        return graph;
    }

    private GraphNode Add(ActivityNode node, GraphNode? container, ActivityRegistry registry)
    {
        var descriptor = registry.GetDescriptor(node.Type);
        var activity = registry.GetActivity(node.Type);
        var graphNode = new GraphNode(node, descriptor, activity, container)
        {
            Join = activity is IJoinActivity join ? join.GetJoinMode(node)
                : descriptor.InputPorts.Count > 1 && descriptor.Join == JoinMode.None ? JoinMode.WaitAll
                : descriptor.Join
        };
        _nodes.Add(node.Id, graphNode);
        var children = node.Activities.Select(child => Add(child, graphNode, registry)).ToList();
        if (node.Activities.Count > 0 || node.IsContainer) Wire(graphNode, children);
        return graphNode;
    }

    private void Wire(GraphNode container, List<GraphNode> children)
    {
        var connections = container.Node.Type == "Sequence" ? SequenceConnections(children) : container.Node.Connections;
        var backEdges = FindBackEdges(container, children, connections);
        for (var i = 0; i < connections.Count; i++)
        {
            var c = connections[i];
            var edge = new GraphConnection(i, this[c.Source.Activity], c.Source.Port, this[c.Target.Activity], c.Target.Port, backEdges.Contains(i));
            container.Connections.Add(edge);
            edge.Source.Outbound.Add(edge);
            edge.Target.Inbound.Add(edge);
            if (!edge.IsBackEdge) edge.Target.ForwardInboundCount++;
        }

        if (container.Node.Start is { } start) container.StartChildren.Add(this[start]);
        // A Sequence starts at its first child only: one after an activity without outcomes (Finish, Fault, Break) never runs.
        else if (container.Node.Type == "Sequence") container.StartChildren.AddRange(children.Take(1));
        else container.StartChildren.AddRange(children.Where(child => child.ForwardInboundCount == 0));
    }

    /// <summary>A Sequence runs its children in order: every outcome of one leads to the next.</summary>
    private static List<Connection> SequenceConnections(List<GraphNode> children)
    {
        var connections = new List<Connection>();
        for (var i = 0; i + 1 < children.Count; i++)
            foreach (var port in Outcomes(children[i]).Where(p => p != Ports.Iterate))
                connections.Add(new Connection(new Endpoint(children[i].Id, port), new Endpoint(children[i + 1].Id, Ports.In)));
        return connections;
    }

    /// <summary>An activity's ports, with the ones its inputs name (Switch cases, Fork branches).</summary>
    private static IEnumerable<string> Outcomes(GraphNode node) =>
        node.Activity is IDynamicPorts dynamic ? node.Descriptor.Outcomes.Union(dynamic.GetOutcomes(node.Node)) : node.Descriptor.Outcomes;

    /// <summary>Depth-first search from the start activities; an edge into a node still on the stack closes a cycle.</summary>
    private static HashSet<int> FindBackEdges(GraphNode container, List<GraphNode> children, List<Connection> connections)
    {
        var outgoing = connections.Select((c, i) => (c, i)).ToLookup(x => x.c.Source.Activity, x => (x.i, x.c.Target.Activity));
        var hasInbound = connections.Select(c => c.Target.Activity).ToHashSet(StringComparer.Ordinal);
        var roots = container.Node.Start is { } start
            ? [start]
            : children.Where(c => !hasInbound.Contains(c.Id)).Select(c => c.Id).ToList();
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on stack, 2 = done
        var backEdges = new HashSet<int>();
        // An explicit stack of (node, its outgoing edges): a 20,000-step chain recursed 20,000 calls deep.
        var path = new Stack<(string Id, IEnumerator<(int Index, string Target)> Edges)>();
        foreach (var root in roots.Concat(children.Select(c => c.Id)))
        {
            if (state.ContainsKey(root)) continue;
            state[root] = 1;
            path.Push((root, outgoing[root].GetEnumerator()));
            while (path.TryPeek(out var top))
            {
                if (!top.Edges.MoveNext())
                {
                    state[top.Id] = 2;
                    path.Pop();
                    continue;
                }
                var (index, target) = top.Edges.Current;
                if (!state.TryGetValue(target, out var s))
                {
                    state[target] = 1;
                    path.Push((target, outgoing[target].GetEnumerator()));
                }
                else if (s == 1) backEdges.Add(index);
            }
        }
        return backEdges;
    }
}
