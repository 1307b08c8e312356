namespace ElsaFlow.Server.Workflows;

/// <summary>A file an instance wrote: where it is (a checked real path), how its output named it, and which activity wrote it.</summary>
public sealed record InstanceFileEntry(string RealPath, string Recorded, string? ActivityId);
