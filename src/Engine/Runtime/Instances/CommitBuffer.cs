using ElsaFlow.Engine.Dispatch;
using ElsaFlow.Engine.Messages;
using ElsaFlow.Engine.Runtime.State;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Engine.Runtime.Instances;

/// <summary>
/// What an instance changed since its last commit (journal and log lines, a dirty state) and what may only happen
/// once that change is durable: work for the dispatcher, sub-flows to start, other side effects, and answers to
/// whoever is waiting for the change. Nothing leaves the buffer before the commit that records it.
/// </summary>
internal sealed class CommitBuffer
{
    private readonly List<JournalEntry> _journal = [];
    private readonly List<LogEntry> _logs = [];
    private readonly List<ExecuteActivity> _outbox = [];
    private readonly List<PreparedChild> _children = [];
    private readonly List<Func<Task>> _effects = [];
    private readonly List<TaskCompletionSource> _replies = [];
    private readonly HashSet<string> _consumedInbox = new(StringComparer.Ordinal);
    private List<BookmarkRecord>? _builtBookmarks;
    private List<BookmarkRecord>? _storedBookmarks;

    /// <summary>The state changed since the last commit (a new instance starts dirty).</summary>
    public bool Dirty { get; private set; } = true;

    /// <summary>Activities completed since the last commit (the EachActivity policy commits when this is not zero).</summary>
    public int CompletedSinceCommit { get; private set; }

    /// <summary>
    /// Completions that arrived as answers and wait for the commit at the end of the drain they started (see
    /// <see cref="DeferCompleted"/>): the EachActivity policy commits them there, together.
    /// </summary>
    public bool HasDeferredCompleted { get; private set; }

    public bool HasOutbox => _outbox.Count > 0;

    /// <summary>Side effects or sub-flow starts wait for the next commit.</summary>
    public bool HasEffects => _effects.Count > 0 || _children.Count > 0;

    /// <summary>Something must be committed before the instance may go on: a change, or effects that wait for one.</summary>
    public bool NeedsCommit => Dirty || _effects.Count > 0 || _children.Count > 0;

    public void MarkDirty() => Dirty = true;

    public void Add(JournalEntry entry)
    {
        _journal.Add(entry);
        Dirty = true;
    }

    public void Add(LogEntry entry)
    {
        _logs.Add(entry);
        Dirty = true;
    }

    public void CountCompleted() => CompletedSinceCommit++;

    /// <summary>The completions counted so far are committed after the work they unblock ran, not before its first step.</summary>
    public void DeferCompleted()
    {
        HasDeferredCompleted |= CompletedSinceCommit > 0;
        CompletedSinceCommit = 0;
    }

    public void Dispatch(ExecuteActivity command) => _outbox.Add(command);

    public void StartAfterCommit(PreparedChild child) => _children.Add(child);

    public void AfterCommit(Func<Task> effect) => _effects.Add(effect);

    public void ReplyAfterCommit(TaskCompletionSource reply) => _replies.Add(reply);

    /// <summary>An inbox entry was applied (or found not awaited): the next commit deletes it. False when it already was.</summary>
    public bool ConsumeInbox(string entryId)
    {
        if (!_consumedInbox.Add(entryId)) return false;
        Dirty = true;
        return true;
    }

    /// <summary>
    /// The commit of the state as it is now: instance row, full set of bookmarks (marked unchanged when they equal what
    /// the previous commit through this buffer wrote), and the new journal and log lines.
    /// </summary>
    public InstanceCommit Build(WorkflowState state, long revision, string nodeId, DateTimeOffset now, TimeSpan lease)
    {
        var bookmarks = state.Bookmarks.Select(b => new BookmarkRecord
        {
            Id = b.Id, InstanceId = state.InstanceId, ActivityId = b.ActivityId, ExecutionId = b.ExecutionId, Name = b.Name,
            MatchKey = b.MatchKey, ResumeAt = b.ResumeAt, CreatedAt = b.CreatedAt
        }).ToList();
        var changed = _storedBookmarks is null || !_storedBookmarks.SequenceEqual(bookmarks);
        _builtBookmarks = bookmarks;
        return Build(state, revision, nodeId, now, lease, bookmarks, changed);
    }

    private InstanceCommit Build(WorkflowState state, long revision, string nodeId, DateTimeOffset now, TimeSpan lease,
        List<BookmarkRecord> bookmarks, bool bookmarksChanged) => new()
    {
        Instance = new InstanceRecord
        {
            Id = state.InstanceId,
            DefinitionId = state.DefinitionId,
            DefinitionVersion = state.DefinitionVersion,
            Status = state.Status,
            CorrelationId = state.CorrelationId,
            ParentInstanceId = state.ParentInstanceId,
            CreatedAt = state.CreatedAt,
            UpdatedAt = now,
            FinishedAt = state.FinishedAt,
            Revision = revision + 1,
            LeaseOwner = nodeId,
            LeaseExpiresAt = now + lease,
            StateJson = WorkflowStateSerializer.Serialize(state),
            Error = state.Incident?.Message
        },
        ExpectedRevision = revision,
        Bookmarks = bookmarks,
        BookmarksChanged = bookmarksChanged,
        Journal = _journal.ToList(),
        Logs = _logs.ToList(),
        ConsumedInbox = _consumedInbox.ToList()
    };

    /// <summary>
    /// The commit succeeded: forgets what it wrote and hands over what may now happen. Called without a commit built
    /// here (the instance was created or loaded elsewhere), the stored bookmarks are unknown until the next commit.
    /// </summary>
    public CommittedWork Committed()
    {
        _storedBookmarks = _builtBookmarks;
        _builtBookmarks = null;
        _journal.Clear();
        _logs.Clear();
        _consumedInbox.Clear();
        Dirty = false;
        CompletedSinceCommit = 0;
        HasDeferredCompleted = false;
        var work = new CommittedWork(_children.ToList(), _effects.ToList(), _replies.ToList());
        _children.Clear();
        _effects.Clear();
        _replies.Clear();
        return work;
    }

    /// <summary>Work for the dispatcher, taken once the commit that records it is done.</summary>
    public List<ExecuteActivity> TakeOutbox()
    {
        var batch = _outbox.ToList();
        _outbox.Clear();
        return batch;
    }

    /// <summary>Sub-flows created but never started because the commit did not come (the runner stopped).</summary>
    public List<PreparedChild> TakeUnstartedChildren()
    {
        var children = _children.ToList();
        _children.Clear();
        return children;
    }

    /// <summary>Nothing needed committing: whoever waits for a commit may go on.</summary>
    public void AnswerReplies()
    {
        foreach (var reply in _replies) reply.TrySetResult();
        _replies.Clear();
    }

    /// <summary>The runner stopped before committing: whoever waits is told to try again.</summary>
    public void FailReplies(Func<Exception> error)
    {
        foreach (var reply in _replies) reply.TrySetException(error());
        _replies.Clear();
    }
}

/// <summary>What a commit released: sub-flows to start, side effects to run, and waiters to answer.</summary>
internal sealed record CommittedWork(IReadOnlyList<PreparedChild> Children, IReadOnlyList<Func<Task>> Effects, IReadOnlyList<TaskCompletionSource> Replies);
