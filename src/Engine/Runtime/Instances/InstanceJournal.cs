using ElsaFlow.Engine.Runtime.Graph;
using ElsaFlow.Engine.Runtime.State;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Engine.Runtime.Instances;

/// <summary>Writes an instance's journal and log lines into its commit buffer and tells the observers as they happen.</summary>
internal sealed class InstanceJournal(WorkflowState state, WorkflowGraph graph, CommitBuffer buffer, IReadOnlyList<IWorkflowObserver> observers, TimeProvider time)
{
    public void Write(JournalKind kind, ExecutionState? execution, string? activityId = null, string? port = null,
        string? message = null, TimeSpan? duration = null, long? rowCount = null, string? nodeId = null, System.Text.Json.Nodes.JsonObject? outputs = null)
    {
        var id = execution?.ActivityId ?? activityId;
        var entry = new JournalEntry
        {
            InstanceId = state.InstanceId,
            Sequence = state.NextJournalSequence++,
            Kind = kind,
            Timestamp = time.GetUtcNow(),
            ActivityId = id,
            ActivityType = id is not null && graph.TryGet(id, out var node) ? node.Node.Type : null,
            ExecutionId = execution?.Id,
            Attempt = execution?.Attempt,
            Duration = duration,
            Port = port,
            Message = message,
            RowCount = rowCount,
            NodeId = nodeId,
            Outputs = outputs?.DeepClone().AsObject()
        };
        buffer.Add(entry);
        foreach (var observer in observers) observer.OnJournal(entry);
    }

    public void Log(string? activityId, string message, string level = "Information", DateTimeOffset? timestamp = null)
    {
        var entry = new LogEntry
        {
            InstanceId = state.InstanceId,
            Sequence = state.NextLogSequence++,
            Timestamp = timestamp ?? time.GetUtcNow(),
            ActivityId = activityId,
            Level = level,
            Message = message
        };
        buffer.Add(entry);
        foreach (var observer in observers) observer.OnLog(entry);
    }
}
