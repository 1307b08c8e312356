using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Engine.Messages;

/// <summary>Command: run one code activity once. Answered by <see cref="ActivityCompleted"/> or <see cref="ActivityFaulted"/> with the same execution id.</summary>
public sealed record ExecuteActivity(ActivityInvocation Invocation);
