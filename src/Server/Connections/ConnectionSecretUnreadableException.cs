namespace ElsaFlow.Server.Connections;

/// <summary>A stored connection's secret does not decrypt with this node's key ring (lost, or not shared between nodes).</summary>
public sealed class ConnectionSecretUnreadableException(string message) : Exception(message);
