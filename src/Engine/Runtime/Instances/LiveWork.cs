using ElsaFlow.Engine.Runtime.State;

namespace ElsaFlow.Engine.Runtime.Instances;

/// <summary>
/// The live work of one instance: tokens in flight, activity executions and frames, as the state document keeps
/// them, indexed by frame so that "does this frame still hold work?" costs the same in a 20,000-step flow as in a
/// five-step one. Every change to those three lists goes through here, so the indexes cannot drift.
/// </summary>
internal sealed class LiveWork
{
    private readonly WorkflowState _state;
    private readonly Queue<TokenState> _tokens;
    private readonly Dictionary<string, FrameState> _frames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ExecutionState> _executions = new(StringComparer.Ordinal);
    // Per frame: its tokens + executions + child frames. A frame is idle when it has no entry.
    private readonly Dictionary<string, int> _load = new(StringComparer.Ordinal);
    // Per execution: the frames it owns (bodies, iterations), so a waiting loop is found without a scan.
    private readonly Dictionary<string, int> _owned = new(StringComparer.Ordinal);

    public LiveWork(WorkflowState state)
    {
        _state = state;
        _tokens = new Queue<TokenState>(state.Tokens);
        foreach (var token in state.Tokens) Add(token.FrameId);
        foreach (var frame in state.Frames) Index(frame);
        foreach (var execution in state.Executions)
        {
            _executions[execution.Id] = execution;
            Add(execution.FrameId);
        }
    }

    public int TokenCount => _tokens.Count;
    public IReadOnlyList<ExecutionState> Executions => _state.Executions;
    public IReadOnlyList<FrameState> Frames => _state.Frames;

    public void AddToken(TokenState token)
    {
        _tokens.Enqueue(token);
        Add(token.FrameId);
    }

    public TokenState TakeToken()
    {
        var token = _tokens.Dequeue();
        Remove(token.FrameId);
        return token;
    }

    /// <summary>Drops the tokens of a frame (its body was torn down).</summary>
    public void RemoveTokens(string frameId)
    {
        if (!_load.ContainsKey(frameId)) return;
        var kept = _tokens.Where(t => t.FrameId != frameId).ToList();
        for (var removed = _tokens.Count - kept.Count; removed > 0; removed--) Remove(frameId);
        _tokens.Clear();
        foreach (var token in kept) _tokens.Enqueue(token);
    }

    public bool TryGetExecution(string id, out ExecutionState execution) => _executions.TryGetValue(id, out execution!);

    public bool HasExecution(string id) => _executions.ContainsKey(id);

    public void AddExecution(ExecutionState execution)
    {
        _state.Executions.Add(execution);
        _executions[execution.Id] = execution;
        Add(execution.FrameId);
    }

    public void RemoveExecution(ExecutionState execution)
    {
        if (!_executions.Remove(execution.Id)) return;
        _state.Executions.Remove(execution);
        Remove(execution.FrameId);
    }

    public bool HasFrame(string id) => _frames.ContainsKey(id);

    public FrameState? Frame(string? id) => id is not null && _frames.TryGetValue(id, out var frame) ? frame : null;

    public void AddFrame(FrameState frame)
    {
        _state.Frames.Add(frame);
        Index(frame);
    }

    public void RemoveFrame(FrameState frame)
    {
        if (!_frames.Remove(frame.Id)) return;
        _state.Frames.Remove(frame);
        if (frame.ParentId is { } parent) Remove(parent);
        if (frame.OwnerExecutionId is { } owner && --_owned[owner] == 0) _owned.Remove(owner);
    }

    /// <summary>The frames directly inside a frame.</summary>
    public List<FrameState> ChildFrames(string frameId) => _state.Frames.Where(f => f.ParentId == frameId).ToList();

    /// <summary>The frames an execution started (a loop's iterations, a container's body).</summary>
    public List<FrameState> FramesOwnedBy(string executionId) =>
        _owned.ContainsKey(executionId) ? _state.Frames.Where(f => f.OwnerExecutionId == executionId).ToList() : [];

    public bool OwnsFrames(string executionId) => _owned.ContainsKey(executionId);

    /// <summary>The iteration frame of the loop <paramref name="loopActivityId"/> at or above <paramref name="frameId"/>.</summary>
    public FrameState? IterationOf(string frameId, string loopActivityId)
    {
        for (var frame = Frame(frameId); frame is not null; frame = Frame(frame.ParentId))
            if (frame.IsIteration && frame.OwnerActivityId == loopActivityId) return frame;
        return null;
    }

    /// <summary>The innermost loop iteration at or above <paramref name="frameId"/> (what Break ends, what <c>item</c> is).</summary>
    public FrameState? InnermostIteration(string frameId)
    {
        for (var frame = Frame(frameId); frame is not null; frame = Frame(frame.ParentId))
            if (frame.IsIteration) return frame;
        return null;
    }

    /// <summary>True when the frame holds no token, no execution and no child frame.</summary>
    public bool IsIdle(string frameId) => !_load.ContainsKey(frameId);

    /// <summary>Ends all live work (the instance finished or was cancelled).</summary>
    public void Clear()
    {
        _tokens.Clear();
        _frames.Clear();
        _executions.Clear();
        _load.Clear();
        _owned.Clear();
        _state.Frames.Clear();
        _state.Executions.Clear();
    }

    /// <summary>Writes the token queue back into the state document before it is serialized.</summary>
    public void WriteTokensToState()
    {
        _state.Tokens.Clear();
        _state.Tokens.AddRange(_tokens);
    }

    private void Index(FrameState frame)
    {
        _frames[frame.Id] = frame;
        if (frame.ParentId is { } parent) Add(parent);
        if (frame.OwnerExecutionId is { } owner) _owned[owner] = _owned.GetValueOrDefault(owner) + 1;
    }

    private void Add(string frameId) => _load[frameId] = _load.GetValueOrDefault(frameId) + 1;

    private void Remove(string frameId)
    {
        if (_load.TryGetValue(frameId, out var count) && count > 1) _load[frameId] = count - 1;
        else _load.Remove(frameId);
    }
}
