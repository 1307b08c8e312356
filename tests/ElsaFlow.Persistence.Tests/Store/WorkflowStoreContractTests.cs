using ElsaFlow.Engine.Store;

namespace ElsaFlow.Persistence.Tests.Store;

/// <summary>
/// What every <see cref="IWorkflowStore"/> must do. A provider runs the suite by deriving one class that creates an
/// empty store per test; provider setup stays in that class. The tests are split by concern in partial files.
/// </summary>
public abstract partial class WorkflowStoreContractTests : IDisposable
{
    protected static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private IWorkflowStore? _store;

    /// <summary>An empty store, used by one test only.</summary>
    protected abstract IWorkflowStore CreateStore();

    protected IWorkflowStore Store => _store ??= CreateStore();

    public void Dispose()
    {
        (_store as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
    }

    protected static StoredDefinition Definition(string id, int version, string? name = null, bool published = false) => new()
    {
        DefinitionId = id,
        Version = version,
        Name = name ?? id,
        Description = $"{id} v{version}",
        Json = $$"""{"id":"{{id}}","version":{{version}}}""",
        IsPublished = published,
        SourcePath = $"workflows/{id}.json",
        CreatedAt = T0.AddMinutes(version),
        UpdatedAt = T0.AddMinutes(version + 1),
    };

    protected static InstanceRecord Instance(
        string id, WorkflowStatus status = WorkflowStatus.Running, string definitionId = "flow", DateTimeOffset? createdAt = null,
        string? correlationId = null) => new()
    {
        Id = id,
        DefinitionId = definitionId,
        DefinitionVersion = 1,
        Status = status,
        CorrelationId = correlationId,
        CreatedAt = createdAt ?? T0,
        UpdatedAt = createdAt ?? T0,
        StateJson = $$"""{"instance":"{{id}}"}""",
    };

    protected static BookmarkRecord Bookmark(string id, string instanceId, string name = "Event", string? matchKey = null, DateTimeOffset? resumeAt = null) => new()
    {
        Id = id,
        InstanceId = instanceId,
        ActivityId = "wait",
        ExecutionId = $"exec-{id}",
        Name = name,
        MatchKey = matchKey,
        ResumeAt = resumeAt,
        CreatedAt = T0,
    };

    protected static JournalEntry Journal(string instanceId, long sequence, JournalKind kind = JournalKind.ActivityCompleted) => new()
    {
        InstanceId = instanceId,
        Sequence = sequence,
        Kind = kind,
        Timestamp = T0.AddSeconds(sequence),
        ActivityId = "sort",
        ActivityType = "Sort",
        ExecutionId = $"exec-{sequence}",
        Attempt = 1,
        Duration = TimeSpan.FromMilliseconds(1500 + sequence),
        Port = "Done",
        Message = $"entry {sequence}",
        RowCount = 1000 + sequence,
        NodeId = "node-a",
    };

    protected static LogEntry Log(string instanceId, long sequence) => new()
    {
        InstanceId = instanceId,
        Sequence = sequence,
        Timestamp = T0.AddSeconds(sequence),
        ActivityId = "log",
        Level = "Warning",
        Message = $"line {sequence}",
    };

    /// <summary>Inserts a new instance (revision 0 -> 1) with its bookmarks.</summary>
    protected Task InsertAsync(InstanceRecord instance, params BookmarkRecord[] bookmarks) =>
        Store.CommitAsync(new InstanceCommit { Instance = instance, ExpectedRevision = 0, Bookmarks = bookmarks });
}
