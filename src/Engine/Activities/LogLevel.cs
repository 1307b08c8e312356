namespace ElsaFlow.Engine.Activities;

/// <summary>Severity of a Log message.</summary>
public enum LogLevel { Debug, Information, Warning, Error }
