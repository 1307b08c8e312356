using System.Text.Json.Nodes;
using ElsaFlow.Engine.ActivityModel;
using ElsaFlow.Engine.Expressions;
using ElsaFlow.Engine.Model;
using ElsaFlow.Engine.Runtime.Graph;
using ElsaFlow.Engine.Runtime.State;

namespace ElsaFlow.Engine.Runtime;

/// <summary>Frames: bodies of containers and loop iterations, when they end, and tearing them down (Break, loop-back).</summary>
internal sealed partial class InstanceRunner
{
    private void StartBody(ExecutionState owner, GraphNode node, JsonNode? item, long index, bool iteration)
    {
        var frame = new FrameState
        {
            Id = _state.NewId("f"),
            ParentId = owner.FrameId,
            OwnerExecutionId = owner.Id,
            OwnerActivityId = node.Id,
            IsIteration = iteration,
            Item = item,
            Index = index
        };
        _state.Frames.Add(frame);
        _frames[frame.Id] = frame;

        if (iteration)
        {
            foreach (var connection in node.Outbound)
                if (connection.SourcePort == Ports.Iterate)
                    _state.Tokens.Add(new TokenState
                    {
                        SourceActivity = node.Id, SourcePort = Ports.Iterate, TargetActivity = connection.Target.Id,
                        TargetPort = connection.TargetPort, Connection = connection.Index, FrameId = frame.Id, Value = item
                    });
        }
        else
        {
            foreach (var child in node.StartChildren)
                _state.Tokens.Add(new TokenState { TargetActivity = child.Id, FrameId = frame.Id, Value = item });
        }
        CheckFrame(frame.Id);
    }

    /// <summary>Queues a frame for completion when it holds no token, no execution and no child frame.</summary>
    private void CheckFrame(string frameId)
    {
        if (!_frames.ContainsKey(frameId) || !IsIdle(frameId) || _idleFrames.Contains(frameId)) return;
        _idleFrames.Enqueue(frameId);
    }

    private bool IsIdle(string frameId)
    {
        foreach (var token in _state.Tokens) if (token.FrameId == frameId) return false;
        foreach (var execution in _state.Executions) if (execution.FrameId == frameId) return false;
        foreach (var frame in _state.Frames) if (frame.ParentId == frameId) return false;
        return true;
    }

    private void CompleteFrame(string frameId, bool broken = false)
    {
        if (!_frames.TryGetValue(frameId, out var frame) || !IsIdle(frameId)) return;
        RemoveFrame(frame);
        if (frame.OwnerExecutionId is null || !_executions.TryGetValue(frame.OwnerExecutionId, out var owner)) return;
        var node = _graph[owner.ActivityId];
        var completion = new BodyCompletion(frame.Item, frame.Index, broken);
        RunControl(owner, node, c => ((ControlActivity)node.Activity).OnBodyCompleted(c, completion));
    }

    private void RemoveFrame(FrameState frame)
    {
        _state.Frames.Remove(frame);
        _frames.Remove(frame.Id);
        if (_state.Joins.Count > 0) _state.Joins.RemoveAll(j => j.FrameId == frame.Id);
        if (_state.Visits.Count > 0)
            foreach (var key in _state.Visits.Keys.Where(k => k.StartsWith(frame.Id + "/", StringComparison.Ordinal)).ToList())
                _state.Visits.Remove(key);
    }

    /// <summary>Drops every token, execution and child frame inside a frame (the frame itself stays).</summary>
    private void TearDownContents(string frameId)
    {
        _state.Tokens.RemoveAll(t => t.FrameId == frameId);
        foreach (var execution in _state.Executions.Where(e => e.FrameId == frameId).ToList())
        {
            if (execution.Status == ExecutionStatus.Running)
            {
                _running--;
                _runtime.Dispatcher.Cancel(execution.Id);
            }
            Journal(Store.JournalKind.ActivityCancelled, execution);
            RemoveExecution(execution);
        }
        foreach (var child in _state.Frames.Where(f => f.ParentId == frameId).ToList())
        {
            TearDownContents(child.Id);
            RemoveFrame(child);
        }
    }

    /// <summary>The iteration frame, at or above <paramref name="frameId"/>, of the loop <paramref name="loopActivityId"/>.</summary>
    private FrameState? FindIterationOf(string frameId, string loopActivityId)
    {
        for (var frame = _frames.GetValueOrDefault(frameId); frame is not null; frame = frame.ParentId is null ? null : _frames.GetValueOrDefault(frame.ParentId))
            if (frame.IsIteration && frame.OwnerActivityId == loopActivityId) return frame;
        return null;
    }

    private FrameState? InnermostIteration(string frameId)
    {
        for (var frame = _frames.GetValueOrDefault(frameId); frame is not null; frame = frame.ParentId is null ? null : _frames.GetValueOrDefault(frame.ParentId))
            if (frame.IsIteration) return frame;
        return null;
    }

    /// <summary>Break: ends every iteration of the innermost loop around the Break and lets the loop finish.</summary>
    private void BreakLoop(ExecutionState breakExecution, GraphNode breakNode)
    {
        var iteration = InnermostIteration(breakExecution.FrameId);
        CompleteExecutionWithoutTokens(breakExecution);
        if (iteration is null)
        {
            FaultInstance(breakNode, null, "Break is not inside a loop (For, ForEach or While)");
            return;
        }

        var loopExecution = _executions[iteration.OwnerExecutionId!];
        foreach (var frame in _state.Frames.Where(f => f.OwnerExecutionId == loopExecution.Id).ToList())
        {
            TearDownContents(frame.Id);
            RemoveFrame(frame);
        }
        var loopNode = _graph[loopExecution.ActivityId];
        var completion = new BodyCompletion(iteration.Item, iteration.Index, Broken: true);
        RunControl(loopExecution, loopNode, c => ((ControlActivity)loopNode.Activity).OnBodyCompleted(c, completion));
    }

    private void CompleteExecutionWithoutTokens(ExecutionState execution)
    {
        Journal(Store.JournalKind.ActivityCompleted, execution, duration: Now - (execution.StartedAt ?? Now));
        RemoveExecution(execution);
        _completedSinceCommit++;
    }

    /// <summary>The names an expression of this execution sees.</summary>
    private ExpressionScope Scope(ExecutionState execution)
    {
        var iteration = InnermostIteration(execution.FrameId);
        return new ExpressionScope
        {
            Inputs = _state.Inputs,
            Variables = _state.Variables,
            Outputs = _state.ActivityOutputs,
            Incoming = execution.Incoming,
            Loop = iteration is null ? null : new LoopItem(iteration.Item, iteration.Index, iteration.Item is JsonObject row ? row : null),
            DefinitionId = _state.DefinitionId,
            ActivityId = execution.ActivityId
        };
    }
}
