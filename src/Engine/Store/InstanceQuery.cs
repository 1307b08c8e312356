namespace ElsaFlow.Engine.Store;

/// <summary>Filters and paging for listing instances; newest first.</summary>
public sealed record InstanceQuery
{
    public string? DefinitionId { get; init; }
    public WorkflowStatus? Status { get; init; }
    public string? CorrelationId { get; init; }
    public string? ParentInstanceId { get; init; }
    public DateTimeOffset? CreatedAfter { get; init; }
    public DateTimeOffset? CreatedBefore { get; init; }
    public int Skip { get; init; }
    public int Take { get; init; } = 50;
}

/// <summary>One page of results and the total count.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total);
