using ElsaFlow.Cluster.Messages;

namespace ElsaFlow.Cluster.Workers;

/// <summary>Hears every node's heartbeat as it arrives (the Studio's live Workers page).</summary>
public interface IWorkerHeartbeatListener
{
    void OnHeartbeat(WorkerHeartbeat heartbeat);
}
