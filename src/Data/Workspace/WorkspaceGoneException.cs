namespace ElsaFlow.Data.Workspace;

/// <summary>An instance's workspace was asked for after it was deleted (retention, instance deletion).</summary>
public sealed class WorkspaceGoneException(string instanceId)
    : Exception($"the workspace of instance '{instanceId}' is no longer kept")
{
    public string InstanceId { get; } = instanceId;
}
