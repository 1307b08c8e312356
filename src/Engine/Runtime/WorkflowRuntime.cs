using System.Text.Json.Nodes;
using ElsaFlow.Engine.Descriptors;
using ElsaFlow.Engine.Dispatch;
using ElsaFlow.Engine.Expressions;
using ElsaFlow.Engine.Messages;
using ElsaFlow.Engine.Runtime.Graph;
using ElsaFlow.Engine.Runtime.Instances;
using ElsaFlow.Engine.Runtime.State;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Engine.Runtime;

/// <summary>
/// Runs workflow instances durably in this process: starts them, routes resumes, timers and activity answers to
/// each instance's orchestration loop, recovers instances whose process died, and tells when they settle.
/// </summary>
public sealed partial class WorkflowRuntime : IActivityResultSink, IAsyncDisposable
{
    private readonly Dictionary<string, InstanceRunner> _runners = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private readonly List<Task> _detached = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WorkflowRuntime(IWorkflowStore store, ActivityRegistry registry, IDefinitionReader definitions,
        IExpressionEngineFactory expressionEngines, IActivityDispatcher dispatcher, RuntimeOptions? options = null,
        TimeProvider? time = null, IIdGenerator? ids = null, IEnumerable<IWorkflowObserver>? observers = null,
        IInstanceInbox? inbox = null, IOwnerChannel? owners = null, IFlowFilePolicy? flowFiles = null)
    {
        Store = store;
        Inbox = inbox ?? store as IInstanceInbox;
        Owners = owners;
        Registry = registry;
        ExpressionEngines = expressionEngines;
        Dispatcher = dispatcher;
        Options = options ?? new RuntimeOptions();
        Time = time ?? TimeProvider.System;
        Ids = ids ?? new RandomIdGenerator();
        Observers = observers?.ToList() ?? [];
        DefinitionReader = definitions;
        Definitions = new DefinitionCatalog(store, registry, definitions, Time, flowFiles);
        Timers = new TimerScheduler(Time, FireTimer);
        dispatcher.Attach(this);
        var renewEvery = Options.LeaseDuration / 3;
        _leaseRenewal = Time.CreateTimer(_ => _ = RenewLeasesAsync(), null, renewEvery, renewEvery);
    }

    private readonly ITimer _leaseRenewal;

    public IWorkflowStore Store { get; }

    /// <summary>Where answers wait that reached this node for an instance it does not run (null: the store keeps none).</summary>
    internal IInstanceInbox? Inbox { get; }

    /// <summary>How to reach the node that runs an instance (a cluster's bus); null in one process.</summary>
    internal IOwnerChannel? Owners { get; }
    public ActivityRegistry Registry { get; }
    public IDefinitionReader DefinitionReader { get; }
    public RuntimeOptions Options { get; }
    public TimeProvider Time { get; }
    internal IIdGenerator Ids { get; }
    internal IExpressionEngineFactory ExpressionEngines { get; }
    internal IActivityDispatcher Dispatcher { get; }
    internal IReadOnlyList<IWorkflowObserver> Observers { get; }
    internal DefinitionCatalog Definitions { get; }
    internal TimerScheduler Timers { get; }

    /// <summary>Picks up instances whose process died and schedules every stored timer. Call once when the process starts.</summary>
    public async Task RecoverAsync(CancellationToken ct = default)
    {
        foreach (var timer in await Store.ListTimersAsync(null, ct)) Timers.Schedule(timer);
        foreach (var instanceId in await Store.ListOrphanedInstancesAsync(Time.GetUtcNow(), ct)) Activate(instanceId);
    }

    /// <summary>
    /// One sweep for work nobody does: instances whose owner stopped renewing their lease (its process died) are taken
    /// over, and timers due before <paramref name="horizon"/> from now are scheduled here too (the node that scheduled
    /// them may be gone; if it is not, exactly one resume wins). A server runs this periodically on every node, so an
    /// orphan continues within the lease plus one sweep interval, whenever its owner died.
    /// </summary>
    public async Task SweepAsync(TimeSpan horizon, CancellationToken ct = default)
    {
        var now = Time.GetUtcNow();
        foreach (var timer in await Store.ListTimersAsync(now + horizon, ct)) Timers.Schedule(timer);
        foreach (var instanceId in await Store.ListOrphanedInstancesAsync(now, ct)) Activate(instanceId);
    }

    /// <summary>
    /// Starts an instance and returns its id once the instance is committed (so the id is never lost to a crash);
    /// it runs in the background.
    /// </summary>
    public async Task<string> StartAsync(StartWorkflowRequest request, CancellationToken ct = default)
    {
        var graph = request.Definition is { } definition
            ? await Definitions.RegisterAsync(definition)
            : await Definitions.GetCurrentAsync(request.DefinitionId ?? throw new ArgumentException("Give a definition or a definition id"), request.Version);
        var state = NewState(graph, request.Inputs, request.CorrelationId, request.ParentInstanceId, request.InstanceId);
        if (request.PreviewActivityId is { } target)
        {
            if (!graph.TryGet(target, out _)) throw new ArgumentException($"Flow '{graph.Definition.DefinitionId}' has no activity '{target}' to preview");
            state.Preview = new PreviewState(target, request.PreviewRows);
        }
        var prepared = new PreparedChild(state, graph, request.Trigger?.DeepClone());
        await CreateAsync(prepared, ct);
        StartCreated(prepared);
        return state.InstanceId;
    }

    /// <summary>Starts an instance and waits until it settles (ends, or waits on something from outside).</summary>
    public async Task<WorkflowRunResult> RunAsync(StartWorkflowRequest request, CancellationToken ct = default)
    {
        var instanceId = await StartAsync(request, ct);
        return await WaitAsync(instanceId, ct);
    }

    /// <summary>Resumes one bookmark by id; exactly one of concurrent resumes wins, the others get <see cref="BookmarkConflictException"/>.</summary>
    public async Task ResumeAsync(string bookmarkId, JsonNode? payload = null, CancellationToken ct = default)
    {
        var bookmark = await Store.GetBookmarkAsync(bookmarkId, ct);
        if (bookmark is null)
        {
            var instanceId = bookmarkId.Split('.')[0];
            if (await Store.GetInstanceAsync(instanceId, ct) is { } record && WorkflowStateSerializer.Deserialize(record.StateJson).ResumedBookmarks.Contains(bookmarkId))
                throw new BookmarkConflictException($"Bookmark '{bookmarkId}' of instance '{instanceId}' was already resumed");
            throw new BookmarkNotFoundException($"No instance waits on bookmark '{bookmarkId}'");
        }
        if (await AskOwnerAsync(new OwnerRequest(OwnerRequestKind.Resume, bookmark.InstanceId, bookmarkId, payload), ct)) return;
        var reply = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(bookmark.InstanceId, new ResumeMessage(bookmarkId, payload, reply));
        await reply.Task.WaitAsync(ct);
    }

    /// <summary>Resumes the bookmarks of an instance (or of every instance when null) with this name and match key; returns how many.</summary>
    public async Task<int> ResumeAsync(string? instanceId, string name, string? matchKey, JsonNode? payload, CancellationToken ct = default)
    {
        var bookmarks = (await Store.FindBookmarksAsync(name, matchKey, ct)).Where(b => instanceId is null || b.InstanceId == instanceId).ToList();
        if (bookmarks.Count == 0)
            throw new BookmarkNotFoundException(instanceId is null
                ? $"No instance waits on {name} '{matchKey}'"
                : $"Instance '{instanceId}' does not wait on {name}{(matchKey is null ? "" : $" '{matchKey}'")}");
        var resumed = 0;
        foreach (var bookmark in bookmarks)
        {
            try { await ResumeAsync(bookmark.Id, payload?.DeepClone(), ct); resumed++; }
            catch (BookmarkConflictException) when (bookmarks.Count > 1) { }
        }
        return resumed;
    }

    /// <summary>Raises a named event: every instance waiting on an Event activity with this name continues with the payload.</summary>
    public Task<int> RaiseEventAsync(string name, JsonNode? payload = null, CancellationToken ct = default) =>
        ResumeAsync(null, BookmarkNames.Event, name, payload, ct);

    /// <summary>Cancels an instance and, through it, the sub-flows it waits on.</summary>
    public async Task CancelAsync(string instanceId)
    {
        _ = await Store.GetInstanceAsync(instanceId) ?? throw new InstanceNotFoundException(instanceId);
        if (await AskOwnerAsync(new OwnerRequest(OwnerRequestKind.Cancel, instanceId), CancellationToken.None)) return;
        var reply = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(instanceId, new CancelMessage(reply));
        await reply.Task;
    }

    /// <summary>Runs a faulted instance again from the activity that failed.</summary>
    public async Task RetryAsync(string instanceId)
    {
        _ = await Store.GetInstanceAsync(instanceId) ?? throw new InstanceNotFoundException(instanceId);
        if (await AskOwnerAsync(new OwnerRequest(OwnerRequestKind.Retry, instanceId), CancellationToken.None)) return;
        var reply = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(instanceId, new RetryMessage(reply));
        await reply.Task;
    }

    /// <summary>Continues an instance in this process: recovers it if its process died, and schedules its timers.</summary>
    public async Task ContinueAsync(string instanceId, CancellationToken ct = default)
    {
        var record = await Store.GetInstanceAsync(instanceId, ct) ?? throw new InstanceNotFoundException(instanceId);
        foreach (var bookmark in await Store.ListBookmarksAsync(instanceId, ct))
            if (bookmark.ResumeAt is not null) Timers.Schedule(bookmark);
        if (record.Status == WorkflowStatus.Running) Activate(instanceId);
        var children = await Store.ListInstancesAsync(new InstanceQuery { ParentInstanceId = instanceId, Take = 1000 }, ct);
        foreach (var child in children.Items.Where(c => c.Status is WorkflowStatus.Running or WorkflowStatus.Suspended))
            await ContinueAsync(child.Id, ct);
    }

    ValueTask IActivityResultSink.OnCompletedAsync(ActivityCompleted message)
    {
        Post(message.InstanceId, new CompletedMessage(message));
        return ValueTask.CompletedTask;
    }

    ValueTask IActivityResultSink.OnFaultedAsync(ActivityFaulted message)
    {
        Post(message.InstanceId, new FaultedMessage(message));
        return ValueTask.CompletedTask;
    }

    internal WorkflowState NewState(WorkflowGraph graph, JsonObject inputs, string? correlationId, string? parentInstanceId, string? instanceId = null)
    {
        var definition = graph.Definition;
        var state = new WorkflowState
        {
            InstanceId = instanceId ?? Ids.NewId(),
            DefinitionId = definition.DefinitionId,
            DefinitionVersion = definition.Version,
            CorrelationId = correlationId,
            ParentInstanceId = parentInstanceId,
            CreatedAt = Time.GetUtcNow()
        };
        var given = (JsonObject)inputs.DeepClone();
        var wrongTypes = InputTypes.Apply(definition, given);
        if (wrongTypes.Count > 0) throw new WorkflowValidationException(wrongTypes);
        foreach (var input in definition.Inputs)
            state.Inputs[input.Name] = given.TryGetPropertyValue(input.Name, out var value) ? value?.DeepClone() : input.Default?.DeepClone();
        foreach (var (name, value) in inputs)
            if (!state.Inputs.ContainsKey(name)) state.Inputs[name] = value?.DeepClone();
        foreach (var variable in definition.Variables) state.Variables[variable.Name] = variable.Value?.DeepClone();
        var missing = definition.Inputs.Where(i => i.Required && state.Inputs[i.Name] is null).Select(i => i.Name).ToList();
        if (missing.Count > 0)
            throw new WorkflowValidationException(missing.Select(m => new Validation.ValidationProblem(definition.DefinitionId, null, m, "this workflow input is required")).ToList());
        return state;
    }

    internal async Task<PreparedChild> PrepareChildAsync(ChildWorkflowRequest request, Model.WorkflowDefinition parent, string parentInstanceId)
    {
        var graph = await Definitions.ResolveAsync(request.Definition, parent);
        return new PreparedChild(NewState(graph, request.Inputs, null, parentInstanceId), graph);
    }

    /// <summary>
    /// The first commit of a new instance: its root activity pending, its start in the journal, its lease held here. Its
    /// runner is known from now on (messages for it wait in its inbox) and starts with <see cref="StartCreated"/>.
    /// </summary>
    internal async Task CreateAsync(PreparedChild prepared, CancellationToken ct = default)
    {
        var state = prepared.State;
        state.Executions.Add(new ExecutionState
        {
            Id = state.NewId("x"), ActivityId = prepared.Graph.Root.Id, FrameId = "", Status = ExecutionStatus.Pending, Incoming = prepared.Trigger
        });
        var buffer = new CommitBuffer();
        new InstanceJournal(state, prepared.Graph, buffer, Observers, Time).Write(JournalKind.WorkflowStarted, null, message: $"version {state.DefinitionVersion}");
        await Store.CommitAsync(buffer.Build(state, 0, Options.NodeId, Time.GetUtcNow(), Options.LeaseDuration), ct);
        lock (_gate) _runners[state.InstanceId] = new InstanceRunner(this, state.InstanceId, waitForLease: true);
        Signal();
    }

    /// <summary>Starts the runner of an instance <see cref="CreateAsync"/> committed.</summary>
    internal void StartCreated(PreparedChild prepared)
    {
        InstanceRunner? runner;
        lock (_gate) _runners.TryGetValue(prepared.State.InstanceId, out runner);
        if (runner is null) return; // only CreateAsync registers it, and only the runner itself removes it
        RunDetached(() => runner.RunCreatedAsync(prepared.State, prepared.Graph));
    }

    /// <summary>What a SubFlow hears when its child ends.</summary>
    internal static JsonObject ChildResult(string instanceId, WorkflowStatus status, JsonObject outputs, string? error) => new()
    {
        ["instanceId"] = instanceId,
        ["status"] = status.ToString(),
        ["outputs"] = outputs.DeepClone(),
        ["error"] = error
    };

    internal async Task NotifyParentAsync(string parentId, string childId, JsonObject result)
    {
        try { await ResumeAsync(parentId, BookmarkNames.SubFlow, childId, result); }
        catch (BookmarkNotFoundException) { /* a DispatchFlow parent does not wait */ }
        catch (BookmarkConflictException) { }
    }

    // Posts synchronously, so the instance has a runner before the scheduler forgets the timer (see TimerScheduler.Fire).
    // A timer does not wait for another node's lease: the node holding it has the timer too, or its lease expires and a sweep takes over.
    private void FireTimer(string instanceId, string bookmarkId)
    {
        var reply = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(instanceId, new ResumeMessage(bookmarkId, null, reply), waitForLease: false);
        RunDetached(async () =>
        {
            try { await reply.Task; }
            catch (Exception e) when (e is BookmarkConflictException or InvalidInstanceStateException) { }
            finally { Signal(); }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _leaseRenewal.DisposeAsync();
        Timers.Dispose();
        Task[] pending;
        lock (_gate) pending = _detached.ToArray();
        try { await Task.WhenAll(pending).WaitAsync(TimeSpan.FromSeconds(10)); } catch (Exception) { /* shutting down */ }
    }
}
