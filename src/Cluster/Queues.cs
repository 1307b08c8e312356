namespace ElsaFlow.Cluster;

/// <summary>The names of the cluster's queues: one shared name per purpose, one temporary queue per node.</summary>
public static class Queues
{
    /// <summary>Unpinned activities: every worker takes from it (competing consumers, the master's assignment).</summary>
    public const string Activities = "activities";

    /// <summary>Activity answers: every master takes from it; whoever takes one applies it or keeps it for the instance's owner.</summary>
    public const string Answers = "activity-answers";

    /// <summary>Activities pinned to a worker group (manual assignment).</summary>
    public static string ActivitiesOf(string group) => $"{Activities}.{group}";

    /// <summary>The node's own temporary queue: requests for the instances it runs, heartbeats, cancellations.</summary>
    public static string Node(string nodeId) => "elsaflow-node-" + new string(nodeId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray());
}
