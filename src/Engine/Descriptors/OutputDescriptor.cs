namespace ElsaFlow.Engine.Descriptors;

/// <summary>One named output of an activity type.</summary>
public sealed record OutputDescriptor(string Name, string Type, string Description);
