using System.Net.Http.Json;
using ElsaFlow.Engine.Store;
using ElsaFlow.Server.Hosting;
using ElsaFlow.Server.Live;

namespace ElsaFlow.Server.Observability;

/// <summary>
/// POSTs a <see cref="FaultNotice"/> to ElsaFlow:FaultWebhookUrl when an instance faults, within
/// ElsaFlow:FaultWebhookTimeout; a failure is logged, never thrown. Remembers each instance's last fault from its journal
/// (called only from <see cref="LiveEventPump"/>, so one thread at a time).
/// </summary>
public sealed class FaultWebhook(IHttpClientFactory clients, ServerOptions options, ILogger<FaultWebhook> logger)
{
    public const string ClientName = "fault-webhook";

    private readonly Dictionary<string, (string? ActivityId, string? Error)> _faults = [];

    public void Observe(JournalEntry entry)
    {
        if (entry.Kind == JournalKind.ActivityFaulted)
            _faults[entry.InstanceId] = (entry.ActivityId, entry.Message);
        else if (entry.Kind == JournalKind.WorkflowFaulted && !_faults.ContainsKey(entry.InstanceId))
            _faults[entry.InstanceId] = (entry.ActivityId, entry.Message);
    }

    public void Forget(string instanceId) => _faults.Remove(instanceId);

    public async Task NotifyAsync(InstanceStatusChanged faulted, CancellationToken ct)
    {
        _faults.Remove(faulted.InstanceId, out var fault);
        if (string.IsNullOrWhiteSpace(options.FaultWebhookUrl)) return;
        var notice = new FaultNotice(faulted.InstanceId, faulted.DefinitionId, fault.ActivityId, fault.Error);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.FaultWebhookTimeout);
        try
        {
            using var response = await clients.CreateClient(ClientName).PostAsJsonAsync(options.FaultWebhookUrl, notice, timeout.Token);
            if (!response.IsSuccessStatusCode)
                logger.LogWarning("The fault webhook answered {StatusCode} for instance {InstanceId}", (int)response.StatusCode, faulted.InstanceId);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or InvalidOperationException or UriFormatException && !ct.IsCancellationRequested)
        {
            logger.LogWarning("The fault webhook failed for instance {InstanceId}: {Error}", faulted.InstanceId, e.Message);
        }
    }
}
