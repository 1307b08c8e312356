using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Store;
using Microsoft.Extensions.Time.Testing;

namespace ElsaFlow.Engine.Tests.Runtime;

public sealed class TimerSchedulerTests
{
    [Fact]
    public void FiringTimer_StillCountsUntilItsResumeIsHandedOver()
    {
        // WaitAsync answers when an instance has neither a runner nor a timer. If the timer were forgotten before the
        // resume reached a runner, a waiter looking in between took Suspended for the final answer (a flaky Delay test).
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        bool? countedWhileFiring = null;
        TimerScheduler scheduler = null!;
        scheduler = new TimerScheduler(time, (instanceId, _) => countedWhileFiring = scheduler.HasTimers(instanceId));
        scheduler.Schedule(new BookmarkRecord
        {
            Id = "i1.b1", InstanceId = "i1", ActivityId = "nap", ExecutionId = "e1", Name = "Delay", ResumeAt = time.GetUtcNow().AddMinutes(1),
        });

        time.Advance(TimeSpan.FromSeconds(59));
        Assert.Null(countedWhileFiring);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(countedWhileFiring);
        Assert.False(scheduler.HasTimers("i1"));
        Assert.Equal(0, scheduler.Count);
        scheduler.Dispose();
    }
}
