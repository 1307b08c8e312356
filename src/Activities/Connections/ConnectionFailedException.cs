namespace ElsaFlow.Activities.Connections;

/// <summary>A connection could not be opened or used; the message names the connection, never its secret.</summary>
public sealed class ConnectionFailedException(string message, Exception? inner = null) : Exception(message, inner);
