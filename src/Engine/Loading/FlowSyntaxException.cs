namespace ElsaFlow.Engine.Loading;

/// <summary>A flow text that is not well-formed JSON, YAML or XML, or not shaped like a flow document; the message is one line for the user.</summary>
internal sealed class FlowSyntaxException(string message) : Exception(message);
