namespace ElsaFlow.Cluster.Messages;

/// <summary>The owner's answer to a resume, cancel or retry: done once committed, or why not.</summary>
public sealed record OwnerRequestHandled
{
    public bool Done { get; init; }
    public string? Conflict { get; init; }
    public string? Error { get; init; }
    public bool NotFound { get; init; }
}
