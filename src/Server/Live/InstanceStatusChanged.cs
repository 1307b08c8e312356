using ElsaFlow.Engine.Store;

namespace ElsaFlow.Server.Live;

/// <summary>Sent to hub clients as "StatusChanged" when an instance moves to another status.</summary>
public sealed record InstanceStatusChanged(string InstanceId, string DefinitionId, WorkflowStatus Status, DateTimeOffset At);
