using System.Text.RegularExpressions;
using ElsaFlow.Engine.Model;

namespace ElsaFlow.Engine.Runtime.Graph;

/// <summary>
/// Decides, from the graph alone, whether an activity's result is read exactly once, by the next step, in the same run
/// (<see cref="ActivityModel.ActivityInvocation.ResultReadOnce"/>). Data steps use it to keep a blocking result as a
/// view instead of writing a table (ElsaFlow.Activities' ResultKeeping holds the view-or-table rule; this is its
/// engine half). The answer must never be "once" when the result could be read twice, later, or after a wait, so every
/// doubt answers no:
/// <list type="bullet">
/// <item>exactly one outbound connection (Error aside: it carries the error, not the result), and not a back-edge;</item>
/// <item>its target is a code activity: control activities pass the token on to places this rule cannot follow
/// (If branches, loop bodies, ForEach rows, sub-flows);</item>
/// <item>the target has no other inbound connection (a join waits for other branches, which may suspend), no delay
/// (a durable timer) and neither side is pinned to a worker group (the dataset then travels between machines);</item>
/// <item>whatever the target passes on is itself read once, or it passes nothing on: a target may hand on a view over
/// the result (a Filter) or the result itself (an output), so the whole chain down to its last step must be simple;</item>
/// <item>no expression reads <c>outputs.&lt;id&gt;</c>: a view has no row count to show there.</item>
/// </list>
/// </summary>
internal static class ReadOnceRule
{
    public static void Apply(IEnumerable<GraphNode> nodes, WorkflowDefinition definition)
    {
        var expressions = string.Join("\n", definition.Root.DescendantsAndSelf()
            .SelectMany(n => n.Inputs.Values).Where(v => v is not null).Select(v => v!.ToJsonString()));
        var memo = new Dictionary<GraphNode, bool>();
        foreach (var node in nodes) node.ResultReadOnce = ReadOnce(node, expressions, memo);
    }

    private static bool ReadOnce(GraphNode node, string expressions, Dictionary<GraphNode, bool> memo)
    {
        if (memo.TryGetValue(node, out var known)) return known;
        memo[node] = false; // a cycle reached again answers no
        // The producer may be a control activity that hands its work to a code activity (Join of two datasets runs
        // DataJoin): its result leaves through its own ports like a code activity's.
        var answer = !node.Node.IsContainer && node.Node.Behaviours.Worker is null
                     && Single(Readers(node)) is { IsBackEdge: false } edge
                     && edge.Target is var target && !target.IsControl && !target.Node.IsContainer
                     && target.Inbound.Count == 1 && target.Node.Behaviours.Delay is null && target.Node.Behaviours.Worker is null
                     && (!Readers(target).Any() || ReadOnce(target, expressions, memo))
                     && !ReadByExpression(node.Id, expressions);
        memo[node] = answer;
        return answer;
    }

    private static IEnumerable<GraphConnection> Readers(GraphNode node) => node.Outbound.Where(c => c.SourcePort != Ports.Error);

    private static GraphConnection? Single(IEnumerable<GraphConnection> connections)
    {
        using var e = connections.GetEnumerator();
        if (!e.MoveNext()) return null;
        var first = e.Current;
        return e.MoveNext() ? null : first;
    }

    /// <summary><c>outputs.id</c>, <c>outputs['id']</c> or <c>outputs["id"]</c> anywhere in the flow's inputs (escaped quotes included).</summary>
    private static bool ReadByExpression(string id, string expressions) =>
        expressions.Contains(id, StringComparison.Ordinal)
        && Regex.IsMatch(expressions, @"outputs\s*(?:\.\s*" + Regex.Escape(id) + @"\b|\[\s*(?<q>\\?[""'])" + Regex.Escape(id) + @"\k<q>\s*\])");
}
