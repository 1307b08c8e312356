using ElsaFlow.Engine.Store;

namespace ElsaFlow.Engine.Runtime;

/// <summary>Keeps an in-memory timer for every timer bookmark of the instances this process knows; the store is the durable copy.</summary>
/// <remarks><c>fire</c> must hand the resume over synchronously (post it to the instance's runner) before it returns.</remarks>
internal sealed class TimerScheduler(TimeProvider time, Action<string, string> fire) : IDisposable
{
    private readonly Dictionary<string, (string InstanceId, ITimer Timer)> _timers = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public int Count { get { lock (_gate) return _timers.Count; } }

    public bool HasTimers(string instanceId)
    {
        lock (_gate) return _timers.Values.Any(t => t.InstanceId == instanceId);
    }

    /// <summary>Makes the scheduled timers of an instance match its current bookmarks.</summary>
    public void Sync(string instanceId, IReadOnlyList<BookmarkRecord> bookmarks)
    {
        lock (_gate)
        {
            foreach (var stale in _timers.Where(t => t.Value.InstanceId == instanceId && !bookmarks.Any(b => b.Id == t.Key)).ToList())
            {
                stale.Value.Timer.Dispose();
                _timers.Remove(stale.Key);
            }
            foreach (var bookmark in bookmarks)
                if (bookmark.ResumeAt is not null) ScheduleLocked(bookmark);
        }
    }

    public void Schedule(BookmarkRecord bookmark)
    {
        lock (_gate) ScheduleLocked(bookmark);
    }

    private void ScheduleLocked(BookmarkRecord bookmark)
    {
        if (_timers.ContainsKey(bookmark.Id)) return;
        var due = bookmark.ResumeAt!.Value - time.GetUtcNow();
        if (due < TimeSpan.Zero) due = TimeSpan.Zero;
        var timer = time.CreateTimer(_ => Fire(bookmark), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _timers[bookmark.Id] = (bookmark.InstanceId, timer);
        timer.Change(due, Timeout.InfiniteTimeSpan);
    }

    // The timer is forgotten only after fire has handed the resume to a runner: in between, the instance would look idle
    // (no runner, no timer) and a waiter would take its Suspended state for the final answer.
    private void Fire(BookmarkRecord bookmark)
    {
        lock (_gate)
            if (!_timers.ContainsKey(bookmark.Id)) return;
        fire(bookmark.InstanceId, bookmark.Id);
        lock (_gate)
            if (_timers.Remove(bookmark.Id, out var entry)) entry.Timer.Dispose();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var (_, entry) in _timers) entry.Timer.Dispose();
            _timers.Clear();
        }
    }
}
