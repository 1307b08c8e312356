namespace ElsaFlow.Engine.Store;

/// <summary>Someone else changed the instance since it was loaded (another process took it over).</summary>
public sealed class ConcurrencyConflictException(string instanceId, long expectedRevision)
    : Exception($"Instance '{instanceId}' was changed by someone else (expected revision {expectedRevision})")
{
    public string InstanceId { get; } = instanceId;
}
