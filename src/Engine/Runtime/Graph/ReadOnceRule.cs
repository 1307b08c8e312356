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
internal static partial class ReadOnceRule
{
    public static void Apply(IEnumerable<GraphNode> nodes, WorkflowDefinition definition)
    {
        var expressions = ReadByExpressions(definition);
        var memo = new Dictionary<GraphNode, bool>();
        foreach (var node in nodes) node.ResultReadOnce = ReadOnce(node, expressions, memo);
    }

    private static bool ReadOnce(GraphNode node, HashSet<string> expressions, Dictionary<GraphNode, bool> memo)
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
                     && !expressions.Contains(node.Id);
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

    /// <summary>
    /// The ids read as <c>outputs.id</c>, <c>outputs['id']</c> or <c>outputs["id"]</c> anywhere in the flow's inputs (escaped
    /// quotes included), found in one pass: searching the whole flow's text once per activity was quadratic.
    /// </summary>
    private static HashSet<string> ReadByExpressions(WorkflowDefinition definition)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in definition.Root.DescendantsAndSelf().SelectMany(n => n.Inputs.Values))
        {
            if (value is null) continue;
            var text = value.ToJsonString();
            if (!text.Contains("outputs", StringComparison.Ordinal)) continue;
            foreach (Match match in OutputReference().Matches(text)) ids.Add(match.Groups["id"].Value);
        }
        return ids;
    }

    [GeneratedRegex(@"outputs\s*(?:\.\s*(?<id>[A-Za-z_][A-Za-z0-9_]*)|\[\s*(?<q>\\?[""'])(?<id>[A-Za-z_][A-Za-z0-9_]*)\k<q>\s*\])")]
    private static partial Regex OutputReference();
}
