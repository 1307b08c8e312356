using System.Text.Json.Nodes;
using ElsaFlow.Engine.ActivityModel;
using ElsaFlow.Engine.Model;
using ElsaFlow.Engine.Runtime.Graph;
using ElsaFlow.Engine.Runtime.State;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Engine.Runtime.Instances;

/// <summary>
/// Bodies of containers and loop iterations (frames): starting them, noticing when one holds no more live work and
/// telling its owner, and tearing them down (Break, a token back at the loop's In).
/// </summary>
internal sealed class Bodies(Orchestrator instance)
{
    private readonly Queue<string> _idle = new();
    private readonly HashSet<string> _queued = new(StringComparer.Ordinal);

    private LiveWork Work => instance.Work;

    public void Start(ExecutionState owner, GraphNode node, JsonNode? item, long index, bool iteration)
    {
        var frame = new FrameState
        {
            Id = instance.State.NewId("f"),
            ParentId = owner.FrameId,
            OwnerExecutionId = owner.Id,
            OwnerActivityId = node.Id,
            IsIteration = iteration,
            Item = item,
            Index = index
        };
        Work.AddFrame(frame);

        if (iteration)
        {
            foreach (var connection in node.Outbound)
                if (connection.SourcePort == Ports.Iterate)
                    Work.AddToken(new TokenState
                    {
                        SourceActivity = node.Id, SourcePort = Ports.Iterate, TargetActivity = connection.Target.Id,
                        TargetPort = connection.TargetPort, Connection = connection.Index, FrameId = frame.Id, Value = item
                    });
        }
        else
        {
            foreach (var child in node.StartChildren)
                Work.AddToken(new TokenState { TargetActivity = child.Id, FrameId = frame.Id, Value = item });
        }
        Check(frame.Id);
    }

    /// <summary>Queues a frame for completion when it holds no token, no execution and no child frame.</summary>
    public void Check(string frameId)
    {
        if (!Work.HasFrame(frameId) || !Work.IsIdle(frameId) || !_queued.Add(frameId)) return;
        _idle.Enqueue(frameId);
    }

    /// <summary>Completes the next idle frame, if any; true when there was one.</summary>
    public bool CompleteNextIdle()
    {
        if (_idle.Count == 0) return false;
        var frameId = _idle.Dequeue();
        _queued.Remove(frameId);
        Complete(frameId);
        return true;
    }

    public void ClearIdle()
    {
        _idle.Clear();
        _queued.Clear();
    }

    private void Complete(string frameId)
    {
        if (Work.Frame(frameId) is not { } frame || !Work.IsIdle(frameId)) return;
        Remove(frame);
        if (frame.OwnerExecutionId is null || !Work.TryGetExecution(frame.OwnerExecutionId, out var owner)) return;
        var node = instance.Graph[owner.ActivityId];
        var completion = new BodyCompletion(frame.Item, frame.Index, Broken: false, frame.Result);
        instance.RunControl(owner, node, c => ((ControlActivity)node.Activity).OnBodyCompleted(c, completion));
    }

    private void Remove(FrameState frame)
    {
        Work.RemoveFrame(frame);
        instance.Router.ForgetFrame(frame.Id);
    }

    /// <summary>Drops every token, execution and child frame inside a frame (the frame itself stays).</summary>
    public void TearDownContents(string frameId)
    {
        Work.RemoveTokens(frameId);
        foreach (var execution in Work.Executions.Where(e => e.FrameId == frameId).ToList())
        {
            if (execution.Status == ExecutionStatus.Running)
            {
                instance.Running--;
                instance.Runtime.Dispatcher.Cancel(execution.Id);
            }
            instance.Journal.Write(JournalKind.ActivityCancelled, execution);
            instance.RemoveExecution(execution);
        }
        foreach (var child in Work.ChildFrames(frameId))
        {
            TearDownContents(child.Id);
            Work.RemoveFrame(child);
            instance.Router.ForgetFrame(child.Id);
        }
    }

    /// <summary>Break: ends every iteration of the innermost loop around the Break and lets the loop finish.</summary>
    public void BreakLoop(ExecutionState breakExecution, GraphNode breakNode)
    {
        var iteration = Work.InnermostIteration(breakExecution.FrameId);
        instance.Journal.Write(JournalKind.ActivityCompleted, breakExecution, duration: instance.Now - (breakExecution.StartedAt ?? instance.Now));
        instance.RemoveExecution(breakExecution);
        instance.Buffer.CountCompleted();
        if (iteration is null)
        {
            instance.Transitions.FaultInstance(breakNode, null, "Break is not inside a loop (For, ForEach or While)");
            return;
        }

        Work.TryGetExecution(iteration.OwnerExecutionId!, out var loopExecution);
        foreach (var frame in Work.FramesOwnedBy(loopExecution.Id))
        {
            TearDownContents(frame.Id);
            Work.RemoveFrame(frame);
            instance.Router.ForgetFrame(frame.Id);
        }
        var loopNode = instance.Graph[loopExecution.ActivityId];
        var completion = new BodyCompletion(iteration.Item, iteration.Index, Broken: true);
        instance.RunControl(loopExecution, loopNode, c => ((ControlActivity)loopNode.Activity).OnBodyCompleted(c, completion));
    }
}
