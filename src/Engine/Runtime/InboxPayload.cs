using System.Text.Json;
using ElsaFlow.Engine.Messages;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Engine.Runtime;

/// <summary>Activity answers as inbox entries: one entry per execution and attempt, so a redelivered answer is kept once.</summary>
internal static class InboxPayload
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static InboxEntry From(ActivityCompleted answer, DateTimeOffset now) => new()
    {
        InstanceId = answer.InstanceId, Id = $"completed:{answer.ExecutionId}:{answer.Attempt}", Kind = InboxKinds.ActivityCompleted,
        Payload = JsonSerializer.Serialize(answer, Json), ReceivedAt = now
    };

    public static InboxEntry From(ActivityFaulted answer, DateTimeOffset now) => new()
    {
        InstanceId = answer.InstanceId, Id = $"faulted:{answer.ExecutionId}:{answer.Attempt}", Kind = InboxKinds.ActivityFaulted,
        Payload = JsonSerializer.Serialize(answer, Json), ReceivedAt = now
    };

    /// <summary>The message an entry holds; null for a kind this version does not know (it is dropped, not retried forever).</summary>
    public static object? Read(InboxEntry entry) => entry.Kind switch
    {
        InboxKinds.ActivityCompleted => JsonSerializer.Deserialize<ActivityCompleted>(entry.Payload, Json),
        InboxKinds.ActivityFaulted => JsonSerializer.Deserialize<ActivityFaulted>(entry.Payload, Json),
        _ => null
    };
}
