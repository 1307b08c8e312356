using ElsaFlow.Engine.Validation;

namespace ElsaFlow.Server.HotReload;

/// <summary>Where one file of the workflows folder stands: the definition and version it published, or why it could not.</summary>
public sealed record WorkflowFile(string Path, string? DefinitionId, int? PublishedVersion, IReadOnlyList<ValidationProblem> Problems, DateTimeOffset CheckedAt);
