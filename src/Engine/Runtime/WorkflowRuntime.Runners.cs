using System.Text.Json.Nodes;
using ElsaFlow.Engine.Runtime.Instances;
using ElsaFlow.Engine.Runtime.State;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Engine.Runtime;

/// <summary>One orchestration loop per active instance: starting them, handing them messages, leases, stopping them.</summary>
public sealed partial class WorkflowRuntime
{
    /// <summary>Hands a message to the instance's runner here, starting one (which takes the lease, waiting for it or not) if there is none.</summary>
    private void Post(string instanceId, RunnerMessage message, bool waitForLease = true)
    {
        lock (_gate)
        {
            if (_runners.TryGetValue(instanceId, out var runner))
            {
                runner.Post(message);
                return;
            }
            runner = new InstanceRunner(this, instanceId, waitForLease);
            runner.Post(message);
            _runners[instanceId] = runner;
            RunDetached(runner.RunStoredAsync);
        }
        Signal();
    }

    /// <summary>Hands a message to the instance's runner when there is one here; false when there is none.</summary>
    private bool TryPost(string instanceId, RunnerMessage message)
    {
        lock (_gate)
        {
            if (!_runners.TryGetValue(instanceId, out var runner)) return false;
            runner.Post(message);
        }
        Signal();
        return true;
    }

    /// <summary>True while this node runs the instance (its orchestration loop is here).</summary>
    public bool RunsHere(string instanceId)
    {
        lock (_gate) return _runners.ContainsKey(instanceId);
    }

    private void Activate(string instanceId)
    {
        lock (_gate)
        {
            if (_runners.ContainsKey(instanceId)) return;
            var runner = new InstanceRunner(this, instanceId, waitForLease: false);
            _runners[instanceId] = runner;
            RunDetached(runner.RunStoredAsync);
        }
        Signal();
    }

    /// <summary>The runner may stop only when nothing waits in its inbox; a later message starts a new one.</summary>
    internal bool TryDetach(InstanceRunner runner)
    {
        lock (_gate)
        {
            if (runner.PendingMessages > 0) return false;
            if (_runners.TryGetValue(runner.InstanceId, out var current) && current == runner) _runners.Remove(runner.InstanceId);
        }
        Signal();
        return true;
    }

    internal void Detach(InstanceRunner runner)
    {
        lock (_gate)
            if (_runners.TryGetValue(runner.InstanceId, out var current) && current == runner) _runners.Remove(runner.InstanceId);
        Signal();
    }

    internal async Task ReleaseAsync(InstanceRunner runner)
    {
        Detach(runner);
        // A newer runner of this process may already hold the lease again (same owner): leave it to that one.
        bool succeeded;
        lock (_gate) succeeded = _runners.ContainsKey(runner.InstanceId);
        if (!succeeded)
        {
            try { await Store.ReleaseLeaseAsync(runner.InstanceId, Options.NodeId); }
            catch (Exception) { /* the lease expires by itself */ }
        }
        Signal();
    }

    /// <summary>Takes the instance's lease; when <paramref name="wait"/>, waits for a dead owner's lease to expire.</summary>
    internal async Task<bool> AcquireLeaseAsync(string instanceId, bool wait)
    {
        var deadline = Time.GetUtcNow() + Options.LeaseDuration + TimeSpan.FromSeconds(5);
        while (true)
        {
            var now = Time.GetUtcNow();
            if (await Store.TryAcquireLeaseAsync(instanceId, Options.NodeId, now, now + Options.LeaseDuration)) return true;
            if (!wait || now >= deadline) return false;
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    /// <summary>
    /// Instances running here keep their lease while an activity takes longer than the lease (a long query, a slow
    /// upload). In a cluster they also look at their inbox: an answer another node kept there while this one was not
    /// told (the notice was lost) is applied within a renewal period.
    /// </summary>
    private async Task RenewLeasesAsync()
    {
        InstanceRunner[] active;
        lock (_gate) active = _runners.Values.ToArray();
        foreach (var runner in active)
        {
            try
            {
                var now = Time.GetUtcNow();
                await Store.TryAcquireLeaseAsync(runner.InstanceId, Options.NodeId, now, now + Options.LeaseDuration);
                if (Owners is not null && Inbox is not null) runner.Post(new InboxMessage());
            }
            catch (Exception) { /* the next round tries again; a lost lease shows up as a commit conflict */ }
        }
    }

    internal void RunDetached(Func<Task> work)
    {
        var task = Task.Run(work);
        lock (_gate)
        {
            _detached.RemoveAll(t => t.IsCompleted);
            _detached.Add(task);
        }
        task.ContinueWith(_ => Signal(), TaskScheduler.Default);
    }

    private void Signal()
    {
        var previous = Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        previous.TrySetResult();
    }
}
