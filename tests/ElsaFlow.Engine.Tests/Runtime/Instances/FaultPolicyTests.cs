using ElsaFlow.Engine.Model;
using ElsaFlow.Engine.Runtime.Instances;

namespace ElsaFlow.Engine.Tests.Runtime.Instances;

public sealed class FaultPolicyTests
{
    private static ActivityBehaviours Retrying(int attempts, BackoffKind backoff = BackoffKind.Fixed, OnErrorMode onError = OnErrorMode.Fault) => new()
    {
        Retry = new RetryPolicy { Attempts = attempts, Delay = TimeSpan.FromSeconds(2), Backoff = backoff, MaxDelay = TimeSpan.FromSeconds(5) },
        OnError = onError
    };

    [Fact]
    public void Decide_AttemptsLeft_RetriesWithTheNextAttempt()
    {
        var decision = FaultPolicy.Decide(Retrying(3), attempt: 1);

        Assert.Equal(new FaultDecision(FaultAction.Retry, 2, TimeSpan.FromSeconds(2)), decision);
    }

    [Fact]
    public void Decide_ExponentialBackoff_DoublesUpToTheMaximum()
    {
        var behaviours = Retrying(5, BackoffKind.Exponential);

        Assert.Equal(TimeSpan.FromSeconds(2), FaultPolicy.Decide(behaviours, 1).Delay);
        Assert.Equal(TimeSpan.FromSeconds(4), FaultPolicy.Decide(behaviours, 2).Delay);
        Assert.Equal(TimeSpan.FromSeconds(5), FaultPolicy.Decide(behaviours, 3).Delay);
    }

    [Theory]
    [InlineData(OnErrorMode.Fault, "FaultInstance")]
    [InlineData(OnErrorMode.Continue, "Continue")]
    [InlineData(OnErrorMode.Port, "ErrorPort")]
    public void Decide_LastAttemptFailed_FollowsOnError(OnErrorMode onError, string expected)
    {
        var decision = FaultPolicy.Decide(Retrying(2, onError: onError), attempt: 2);

        Assert.Equal(expected, decision.Action.ToString());
        Assert.Equal(2, decision.NextAttempt);
    }

    [Fact]
    public void Decide_NoBehaviours_FaultsTheInstance()
    {
        Assert.Equal(FaultAction.FaultInstance, FaultPolicy.Decide(new ActivityBehaviours(), 1).Action);
    }
}
