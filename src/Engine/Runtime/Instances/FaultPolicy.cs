using ElsaFlow.Engine.Model;

namespace ElsaFlow.Engine.Runtime.Instances;

/// <summary>What happens after an attempt of an activity failed: the activity's behaviours decide, nothing else.</summary>
internal static class FaultPolicy
{
    public static FaultDecision Decide(ActivityBehaviours behaviours, int attempt)
    {
        if (behaviours.Retry is { } retry && attempt < retry.Attempts)
            return new FaultDecision(FaultAction.Retry, attempt + 1, retry.DelayBefore(attempt + 1));
        return behaviours.OnError switch
        {
            OnErrorMode.Continue => new FaultDecision(FaultAction.Continue, attempt, TimeSpan.Zero),
            OnErrorMode.Port => new FaultDecision(FaultAction.ErrorPort, attempt, TimeSpan.Zero),
            _ => new FaultDecision(FaultAction.FaultInstance, attempt, TimeSpan.Zero)
        };
    }
}

/// <summary>The outcome of <see cref="FaultPolicy.Decide"/>: for a retry, the next attempt and the wait before it.</summary>
internal readonly record struct FaultDecision(FaultAction Action, int NextAttempt, TimeSpan Delay);

internal enum FaultAction
{
    /// <summary>Run the activity again (after <see cref="FaultDecision.Delay"/>).</summary>
    Retry,
    /// <summary>Carry on as if the activity had completed on Done with the token it received.</summary>
    Continue,
    /// <summary>Follow the Error port with the error as token.</summary>
    ErrorPort,
    /// <summary>The instance faults; a retry of the instance runs the activity again.</summary>
    FaultInstance
}
