namespace ElsaFlow.Server.Observability;

/// <summary>The body POSTed to ElsaFlow:FaultWebhookUrl when an instance faults.</summary>
public sealed record FaultNotice(string InstanceId, string DefinitionId, string? ActivityId, string? Error);
