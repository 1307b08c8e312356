using Microsoft.AspNetCore.SignalR;

namespace ElsaFlow.Server.Live;

/// <summary>
/// /hubs/instances: clients call <c>Subscribe(instanceId)</c> for one instance or <c>SubscribeAll()</c> for the global
/// feed, and receive "StatusChanged", "Journal" and "Log" messages. Needs any API key (viewer and up).
/// </summary>
public sealed class InstancesHub : Hub
{
    public const string Route = "/hubs/instances";
    public const string AllGroup = "all";
    public const string StatusChanged = "StatusChanged";
    public const string Journal = "Journal";
    public const string Log = "Log";

    public static string GroupOf(string instanceId) => "instance:" + instanceId;

    public Task Subscribe(string instanceId) => Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(instanceId));
    public Task Unsubscribe(string instanceId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(instanceId));
    public Task SubscribeAll() => Groups.AddToGroupAsync(Context.ConnectionId, AllGroup);
    public Task UnsubscribeAll() => Groups.RemoveFromGroupAsync(Context.ConnectionId, AllGroup);
}
