using System.Text.Json.Nodes;
using ElsaFlow.Engine.Dispatch;
using ElsaFlow.Engine.Messages;

namespace ElsaFlow.Engine.Runtime.Instances;

/// <summary>What reaches an instance's orchestration loop from outside it.</summary>
internal abstract record RunnerMessage;

/// <summary>A code activity's answer; <paramref name="Applied"/> completes once the change it made is committed (at once when it was not awaited).</summary>
internal sealed record CompletedMessage(ActivityCompleted Message, TaskCompletionSource? Applied = null) : RunnerMessage;

internal sealed record FaultedMessage(ActivityFaulted Message, TaskCompletionSource? Applied = null) : RunnerMessage;

/// <summary>Resume a bookmark (also how timers fire); the reply says whether this resume won.</summary>
internal sealed record ResumeMessage(string BookmarkId, JsonNode? Payload, TaskCompletionSource Reply) : RunnerMessage;

internal sealed record CancelMessage(TaskCompletionSource Reply) : RunnerMessage;

internal sealed record RetryMessage(TaskCompletionSource Reply) : RunnerMessage;

/// <summary>The instance's inbox in the store holds answers that reached another node: read and apply them.</summary>
internal sealed record InboxMessage : RunnerMessage;

/// <summary>The worker running an execution is still at it.</summary>
internal sealed record HeartbeatMessage(string ExecutionId, int Attempt) : RunnerMessage;

/// <summary>Time to look for dispatched activities nobody has heard from.</summary>
internal sealed record WatchdogMessage : RunnerMessage;
