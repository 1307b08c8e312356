using System.Collections.Concurrent;
using ElsaFlow.Activities.Http;

namespace ElsaFlow.Server.Triggers;

/// <summary>The requests held open per instance until its flow reaches HttpResponse or ends; HttpResponse answers through it.</summary>
public sealed class HttpResponseChannel : IHttpResponseChannel
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<HttpAnswer>> _open = new(StringComparer.Ordinal);

    /// <summary>Holds the request of an instance open; the task completes when the flow answers.</summary>
    public Task<HttpAnswer> Open(string instanceId) =>
        _open.GetOrAdd(instanceId, _ => new TaskCompletionSource<HttpAnswer>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Close(string instanceId) => _open.TryRemove(instanceId, out _);

    public bool TryRespond(string instanceId, HttpAnswer answer) => _open.TryRemove(instanceId, out var pending) && pending.TrySetResult(answer);
}
