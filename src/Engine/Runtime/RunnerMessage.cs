using System.Text.Json.Nodes;
using ElsaFlow.Engine.Dispatch;

namespace ElsaFlow.Engine.Runtime;

/// <summary>What reaches an instance's orchestration loop from outside it.</summary>
internal abstract record RunnerMessage;

internal sealed record CompletedMessage(ActivityCompleted Message) : RunnerMessage;

internal sealed record FaultedMessage(ActivityFaulted Message) : RunnerMessage;

/// <summary>Resume a bookmark (also how timers fire); the reply says whether this resume won.</summary>
internal sealed record ResumeMessage(string BookmarkId, JsonNode? Payload, TaskCompletionSource Reply) : RunnerMessage;

internal sealed record CancelMessage(TaskCompletionSource Reply) : RunnerMessage;

internal sealed record RetryMessage(TaskCompletionSource Reply) : RunnerMessage;
