using System.Collections.Concurrent;
using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Store;
using ElsaFlow.Server.Hosting;

namespace ElsaFlow.Server.Admission;

/// <summary>
/// The cap on concurrently running instances (ElsaFlow:MaxRunningInstances; 0 or unset: no cap). A start waits here for
/// a slot before it reaches the runtime, first come first served; the slot is held while the instance is Running or
/// Suspended and given back when it finishes, faults or is cancelled. Only starts through the server take slots (execute,
/// dispatch, HTTP triggers, cron): previews, resumes, retries, recovered instances and child flows do not.
/// </summary>
public sealed class InstanceAdmission : IWorkflowObserver, IDisposable
{
    private readonly SemaphoreSlim? _slots;
    private readonly ConcurrentDictionary<string, byte> _admitted = new(StringComparer.Ordinal);
    private readonly IIdGenerator _ids;
    private int _queued;

    public InstanceAdmission(ServerOptions options, IIdGenerator ids)
    {
        _ids = ids;
        if (options.MaxRunningInstances is > 0 and var cap) _slots = new SemaphoreSlim(cap, cap);
    }

    /// <summary>Starts waiting for a slot now.</summary>
    public int QueuedStarts => Volatile.Read(ref _queued);

    /// <summary>Instances holding a slot.</summary>
    public int Admitted => _admitted.Count;

    /// <summary>Waits for a slot (none when there is no cap), then starts the instance; returns its id.</summary>
    public async Task<string> StartAsync(WorkflowRuntime runtime, StartWorkflowRequest request, CancellationToken ct)
    {
        if (_slots is null) return await runtime.StartAsync(request, ct);
        Interlocked.Increment(ref _queued);
        try
        {
            await _slots.WaitAsync(ct);
        }
        finally
        {
            Interlocked.Decrement(ref _queued);
        }

        // The id is known before the start, so an end heard before StartAsync returns still gives the slot back.
        var admitted = request.InstanceId is null ? request with { InstanceId = _ids.NewId() } : request;
        _admitted[admitted.InstanceId!] = 0;
        try
        {
            return await runtime.StartAsync(admitted, ct);
        }
        catch
        {
            Release(admitted.InstanceId!);
            throw;
        }
    }

    public void OnInstanceStatusChanged(string instanceId, string definitionId, WorkflowStatus status)
    {
        if (status is WorkflowStatus.Finished or WorkflowStatus.Faulted or WorkflowStatus.Cancelled) Release(instanceId);
    }

    private void Release(string instanceId)
    {
        if (_admitted.TryRemove(instanceId, out _)) _slots!.Release();
    }

    public void Dispose() => _slots?.Dispose();
}
