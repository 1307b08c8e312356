using ElsaFlow.Engine.ActivityModel;
using ElsaFlow.Engine.Dispatch;
using ElsaFlow.Engine.Messages;
using ElsaFlow.Engine.Runtime.Instances;
using ElsaFlow.Engine.Runtime.State;
using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Engine.Tests.Runtime.Instances;

public sealed class CommitBufferTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    private static WorkflowState State() => new() { InstanceId = "i1", DefinitionId = "flow", DefinitionVersion = 2, CreatedAt = Now };

    private static JournalEntry Entry(long sequence) =>
        new() { InstanceId = "i1", Sequence = sequence, Kind = JournalKind.ActivityCompleted, Timestamp = Now, ActivityId = "a" };

    [Fact]
    public void Build_AfterChanges_WritesTheNextRevisionWithLinesBookmarksAndLease()
    {
        var buffer = new CommitBuffer();
        var state = State();
        state.Bookmarks.Add(new BookmarkState { Id = "i1.b", ExecutionId = "x1", ActivityId = "wait", Name = "Pause" });
        buffer.Add(Entry(1));
        buffer.Add(new LogEntry { InstanceId = "i1", Sequence = 1, Timestamp = Now, Level = "Information", Message = "hi" });

        var commit = buffer.Build(state, revision: 4, nodeId: "node-a", now: Now, lease: TimeSpan.FromSeconds(30));

        Assert.Equal(4, commit.ExpectedRevision);
        Assert.Equal(5, commit.Instance.Revision);
        Assert.Equal("node-a", commit.Instance.LeaseOwner);
        Assert.Equal(Now.AddSeconds(30), commit.Instance.LeaseExpiresAt);
        Assert.Equal("i1.b", Assert.Single(commit.Bookmarks).Id);
        Assert.Single(commit.Journal);
        Assert.Equal("hi", Assert.Single(commit.Logs).Message);
        Assert.Equal("flow", WorkflowStateSerializer.Deserialize(commit.Instance.StateJson).DefinitionId);
    }

    [Fact]
    public void Build_BookmarksAsLastCommitted_MarksThemUnchanged()
    {
        var buffer = new CommitBuffer();
        var state = State();
        state.Bookmarks.Add(new BookmarkState { Id = "i1.b", ExecutionId = "x1", ActivityId = "wait", Name = "Pause", CreatedAt = Now });

        var first = buffer.Build(state, 1, "n", Now, TimeSpan.FromSeconds(1));
        buffer.Committed();
        var second = buffer.Build(state, 2, "n", Now.AddSeconds(1), TimeSpan.FromSeconds(1));

        Assert.True(first.BookmarksChanged); // nothing committed through this buffer yet: in doubt
        Assert.False(second.BookmarksChanged);
        Assert.Equal("i1.b", Assert.Single(second.Bookmarks).Id);
    }

    [Fact]
    public void Build_BookmarkAddedOrCommitNotConfirmed_MarksThemChanged()
    {
        var buffer = new CommitBuffer();
        var state = State();
        buffer.Build(state, 1, "n", Now, TimeSpan.FromSeconds(1));
        buffer.Committed();

        state.Bookmarks.Add(new BookmarkState { Id = "i1.b", ExecutionId = "x1", ActivityId = "wait", Name = "Pause", CreatedAt = Now });
        var added = buffer.Build(state, 2, "n", Now, TimeSpan.FromSeconds(1));
        // The commit above failed (no Committed): the store still holds the set before it.
        var retried = buffer.Build(state, 2, "n", Now, TimeSpan.FromSeconds(1));

        Assert.True(added.BookmarksChanged);
        Assert.True(retried.BookmarksChanged);
    }

    [Fact]
    public void Build_AfterCommittedWithoutBuild_MarksBookmarksChanged()
    {
        var buffer = new CommitBuffer();
        buffer.Committed(); // a loaded instance: what the store holds was written by someone else

        Assert.True(buffer.Build(State(), 3, "n", Now, TimeSpan.FromSeconds(1)).BookmarksChanged);
    }

    [Fact]
    public void Committed_ReleasesEffectsAndRepliesOnceAndClearsTheLines()
    {
        var buffer = new CommitBuffer();
        var reply = new TaskCompletionSource();
        var ran = 0;
        buffer.Add(Entry(1));
        buffer.CountCompleted();
        buffer.AfterCommit(() => { ran++; return Task.CompletedTask; });
        buffer.ReplyAfterCommit(reply);

        var work = buffer.Committed();

        Assert.False(buffer.Dirty);
        Assert.Equal(0, buffer.CompletedSinceCommit);
        Assert.Empty(buffer.Build(State(), 1, "n", Now, TimeSpan.FromSeconds(1)).Journal);
        Assert.Single(work.Effects);
        Assert.Same(reply, Assert.Single(work.Replies));
        Assert.False(reply.Task.IsCompleted); // the runner answers it, after the commit
        Assert.Empty(buffer.Committed().Effects);
        work.Effects[0]();
        Assert.Equal(1, ran);
    }

    [Fact]
    public void NeedsCommit_CleanBufferWithAnEffect_IsTrue()
    {
        var buffer = new CommitBuffer();
        buffer.Committed();
        Assert.False(buffer.NeedsCommit);

        buffer.AfterCommit(() => Task.CompletedTask);

        Assert.True(buffer.NeedsCommit);
    }

    [Fact]
    public void TakeOutbox_GivesTheDispatchedWorkOnce()
    {
        var buffer = new CommitBuffer();
        buffer.Dispatch(new ExecuteActivity(new ActivityInvocation { InstanceId = "i1", ExecutionId = "x1", ActivityId = "a", ActivityType = "Log" }));

        Assert.True(buffer.HasOutbox);
        Assert.Equal("x1", Assert.Single(buffer.TakeOutbox()).Invocation.ExecutionId);
        Assert.False(buffer.HasOutbox);
        Assert.Empty(buffer.TakeOutbox());
    }

    [Fact]
    public void FailReplies_RunnerStopped_TellsEveryWaiterToTryAgain()
    {
        var buffer = new CommitBuffer();
        var reply = new TaskCompletionSource();
        buffer.ReplyAfterCommit(reply);

        buffer.FailReplies(() => new InvalidOperationException("try again"));

        Assert.Equal("try again", reply.Task.Exception!.InnerException!.Message);
    }

    [Fact]
    public void DeferCompleted_MovesTheCountToTheDrainsEnd_AndTheCommitClearsIt()
    {
        var buffer = new CommitBuffer();
        buffer.CountCompleted();
        buffer.CountCompleted();

        buffer.DeferCompleted();

        Assert.Equal(0, buffer.CompletedSinceCommit);
        Assert.True(buffer.HasDeferredCompleted);
        buffer.DeferCompleted();
        Assert.True(buffer.HasDeferredCompleted);
        buffer.Committed();
        Assert.False(buffer.HasDeferredCompleted);
    }
}
