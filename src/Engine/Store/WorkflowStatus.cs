namespace ElsaFlow.Engine.Store;

/// <summary>Where an instance stands.</summary>
public enum WorkflowStatus { Running, Suspended, Finished, Faulted, Cancelled }
