using ElsaFlow.Engine.Runtime.Instances;
using ElsaFlow.Engine.Runtime.State;

namespace ElsaFlow.Engine.Tests.Runtime.Instances;

public sealed class LiveWorkTests
{
    private static FrameState Frame(string id, string? parent = null, string? owner = null) => new() { Id = id, ParentId = parent, OwnerExecutionId = owner };

    [Fact]
    public void IsIdle_FrameWithATokenAnExecutionOrAChildFrame_IsBusyUntilAllAreGone()
    {
        var work = new LiveWork(new WorkflowState());
        work.AddFrame(Frame("f1"));
        var execution = new ExecutionState { Id = "x1", FrameId = "f1" };
        var child = Frame("f2", parent: "f1");

        work.AddToken(new TokenState { TargetActivity = "a", FrameId = "f1" });
        work.AddExecution(execution);
        work.AddFrame(child);
        work.TakeToken();
        work.RemoveExecution(execution);

        Assert.False(work.IsIdle("f1"));
        work.RemoveFrame(child);
        Assert.True(work.IsIdle("f1"));
    }

    [Fact]
    public void RemoveTokens_DropsOnlyThatFramesTokensAndKeepsTheOrder()
    {
        var work = new LiveWork(new WorkflowState());
        work.AddToken(new TokenState { TargetActivity = "a", FrameId = "f1" });
        work.AddToken(new TokenState { TargetActivity = "b", FrameId = "f2" });
        work.AddToken(new TokenState { TargetActivity = "c", FrameId = "f1" });
        work.AddToken(new TokenState { TargetActivity = "d", FrameId = "f2" });

        work.RemoveTokens("f2");

        Assert.True(work.IsIdle("f2"));
        Assert.Equal("a", work.TakeToken().TargetActivity);
        Assert.Equal("c", work.TakeToken().TargetActivity);
        Assert.Equal(0, work.TokenCount);
    }

    [Fact]
    public void New_FromAStoredState_IndexesWhatItHolds()
    {
        var state = new WorkflowState();
        state.Frames.Add(Frame("f1", owner: "x0"));
        state.Frames.Add(Frame("f2", parent: "f1", owner: "x1"));
        state.Executions.Add(new ExecutionState { Id = "x1", FrameId = "f1" });
        state.Tokens.Add(new TokenState { TargetActivity = "a", FrameId = "f2" });

        var work = new LiveWork(state);

        Assert.False(work.IsIdle("f1"));
        Assert.False(work.IsIdle("f2"));
        Assert.True(work.OwnsFrames("x1"));
        Assert.Equal("f2", Assert.Single(work.FramesOwnedBy("x1")).Id);
        Assert.Equal(1, work.TokenCount);
    }

    [Fact]
    public void InnermostIteration_NestedBodies_FindsTheClosestLoopFrame()
    {
        var work = new LiveWork(new WorkflowState());
        work.AddFrame(new FrameState { Id = "outer", IsIteration = true, OwnerActivityId = "loop" });
        work.AddFrame(new FrameState { Id = "body", ParentId = "outer" });

        Assert.Equal("outer", work.InnermostIteration("body")!.Id);
        Assert.Equal("outer", work.IterationOf("body", "loop")!.Id);
        Assert.Null(work.IterationOf("body", "other"));
    }

    [Fact]
    public void WriteTokensToState_AfterTakingSome_StoresWhatIsLeft()
    {
        var state = new WorkflowState();
        var work = new LiveWork(state);
        work.AddToken(new TokenState { TargetActivity = "a", FrameId = "f" });
        work.AddToken(new TokenState { TargetActivity = "b", FrameId = "f" });
        work.TakeToken();

        work.WriteTokensToState();

        Assert.Equal("b", Assert.Single(state.Tokens).TargetActivity);
    }
}
