using ElsaFlow.Engine.Validation;

namespace ElsaFlow.Engine.Runtime;

/// <summary>No bookmark matches the resume request.</summary>
public sealed class BookmarkNotFoundException(string message) : Exception(message);

/// <summary>The bookmark was resumed by someone else first.</summary>
public sealed class BookmarkConflictException(string message) : Exception(message);

/// <summary>No instance has this id.</summary>
public sealed class InstanceNotFoundException(string instanceId) : Exception($"Instance '{instanceId}' does not exist")
{
    public string InstanceId { get; } = instanceId;
}

/// <summary>The instance cannot do what was asked in its current status (retry a finished instance...).</summary>
public sealed class InvalidInstanceStateException(string message) : Exception(message);

/// <summary>A definition failed validation; every problem is listed.</summary>
public sealed class WorkflowValidationException(IReadOnlyList<ValidationProblem> problems)
    : Exception("The flow is not valid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
{
    public IReadOnlyList<ValidationProblem> Problems { get; } = problems;
}

/// <summary>A SubFlow or start request names a definition that cannot be found.</summary>
public sealed class DefinitionNotFoundException(string message) : Exception(message);
