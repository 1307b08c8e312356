namespace ElsaFlow.Engine.Expressions;

/// <summary>A Liquid render hit one of its sandbox limits; the message says which.</summary>
internal sealed class LiquidLimitException(string message) : Exception(message);
