using ElsaFlow.Engine.Model;

namespace ElsaFlow.Engine.Validation;

/// <summary>
/// What a preview up to one activity needs: that activity, what comes before it (the steps connected into it, earlier
/// steps of a Sequence, transitively) and the containers around them. A preview stops at its activity, so the problems
/// of later steps (a Sort with no <c>by</c>, an output with no <c>path</c>) do not block it; the flow's own do.
/// </summary>
public static class PreviewScope
{
    /// <summary>The problems that block previewing <paramref name="activityId"/>.</summary>
    public static List<ValidationProblem> Blocking(WorkflowDefinition definition, string activityId, IEnumerable<ValidationProblem> problems)
    {
        var needed = ActivityIds(definition, activityId);
        return problems.Where(p => p.ActivityId is null || needed.Contains(p.ActivityId)).ToList();
    }

    /// <summary>The ids of the activities a preview up to <paramref name="activityId"/> may run.</summary>
    public static HashSet<string> ActivityIds(WorkflowDefinition definition, string activityId)
    {
        var parents = new Dictionary<string, ActivityNode>(StringComparer.Ordinal);
        var nodes = new Dictionary<string, ActivityNode>(StringComparer.Ordinal);
        foreach (var node in definition.AllActivities())
        {
            nodes.TryAdd(node.Id, node);
            foreach (var child in node.Activities) parents.TryAdd(child.Id, node);
        }
        var needed = new HashSet<string>(StringComparer.Ordinal);
        if (!nodes.TryGetValue(activityId, out var current)) return needed;
        AddWithChildren(current, needed);
        while (parents.TryGetValue(current.Id, out var container))
        {
            needed.Add(container.Id);
            foreach (var before in Before(container, current.Id)) AddWithChildren(before, needed);
            current = container;
        }
        return needed;
    }

    // The children of a container that run before one of them: in a Sequence, the earlier ones; in a Flowchart, the
    // ones with a path of connections into it.
    private static IEnumerable<ActivityNode> Before(ActivityNode container, string childId)
    {
        if (container.Type == "Sequence")
            return container.Activities.TakeWhile(a => a.Id != childId);
        var reached = new HashSet<string>(StringComparer.Ordinal) { childId };
        var queue = new Queue<string>([childId]);
        while (queue.TryDequeue(out var id))
            foreach (var connection in container.Connections.Where(c => c.Target.Activity == id))
                if (reached.Add(connection.Source.Activity)) queue.Enqueue(connection.Source.Activity);
        return container.Activities.Where(a => a.Id != childId && reached.Contains(a.Id));
    }

    private static void AddWithChildren(ActivityNode node, HashSet<string> needed)
    {
        foreach (var inner in node.DescendantsAndSelf()) needed.Add(inner.Id);
    }
}
