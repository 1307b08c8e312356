using System.Threading.Channels;
using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Store;
using ElsaFlow.Server.Observability;

namespace ElsaFlow.Server.Live;

/// <summary>
/// The runtime's observer: counts for /metrics on the spot (cheap, thread safe) and queues everything else for
/// <see cref="LiveEventPump"/>, so the orchestration loop never waits on a hub client, a log sink or a webhook.
/// </summary>
public sealed class LiveEventChannel(ElsaFlowMetrics metrics, TimeProvider time) : IWorkflowObserver
{
    private readonly Channel<LiveEvent> _events = Channel.CreateUnbounded<LiveEvent>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<LiveEvent> Reader => _events.Reader;

    public void OnInstanceStatusChanged(string instanceId, string definitionId, WorkflowStatus status)
    {
        metrics.StatusChanged(status);
        _events.Writer.TryWrite(new LiveEvent(Status: new InstanceStatusChanged(instanceId, definitionId, status, time.GetUtcNow())));
    }

    public void OnJournal(JournalEntry entry)
    {
        metrics.Journal(entry);
        _events.Writer.TryWrite(new LiveEvent(Journal: entry));
    }

    public void OnLog(LogEntry entry) => _events.Writer.TryWrite(new LiveEvent(Log: entry));
}
