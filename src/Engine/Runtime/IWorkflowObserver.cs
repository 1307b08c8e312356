using ElsaFlow.Engine.Store;

namespace ElsaFlow.Engine.Runtime;

/// <summary>Hears what instances do as it happens (live progress in the CLI, the Studio's hub). Called on the orchestration loop: keep it quick.</summary>
public interface IWorkflowObserver
{
    void OnInstanceStatusChanged(string instanceId, string definitionId, WorkflowStatus status) { }
    void OnJournal(JournalEntry entry) { }
    void OnLog(LogEntry entry) { }
}
