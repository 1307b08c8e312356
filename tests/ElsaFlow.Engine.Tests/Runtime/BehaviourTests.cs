using System.Text.Json.Nodes;
using ElsaFlow.Engine.Store;
using ElsaFlow.Engine.Tests.Support;

namespace ElsaFlow.Engine.Tests.Runtime;

public sealed class BehaviourTests : IAsyncLifetime
{
    private readonly EngineHarness _engine = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task Retry_SucceedsOnThirdAttempt_AndJournalsEachRetry()
    {
        var key = Guid.NewGuid().ToString();
        var result = await _engine.RunAsync($$$"""
        {"definitionId": "retry", "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "flaky", "type": "Flaky", "failTimes": 2, "key": "{{{key}}}",
            "retry": {"attempts": 3, "delay": "00:00:00.050", "backoff": "exponential"}}]}}
        """);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(3, Flaky.Calls[key]);
        var kinds = (await _engine.Store.GetJournalAsync(result.InstanceId)).Where(e => e.ActivityId == "flaky").Select(e => $"{e.Kind}:{e.Attempt}").ToList();
        Assert.Equal(["ActivityStarted:1", "ActivityFaulted:1", "ActivityRetrying:2", "ActivityStarted:2", "ActivityFaulted:2",
            "ActivityRetrying:3", "ActivityStarted:3", "ActivityCompleted:3"], kinds);
        var retrying = (await _engine.Store.GetJournalAsync(result.InstanceId)).Where(e => e.Kind == JournalKind.ActivityRetrying).Select(e => e.Message).ToList();
        Assert.Equal(["attempt 2 of 3 in 00:00:00.05", "attempt 3 of 3 in 00:00:00.1"], retrying);
    }

    [Fact]
    public async Task Retry_ExhaustedAttempts_FaultsWithLastError()
    {
        var result = await _engine.RunAsync("""
        {"definitionId": "retry-out", "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "flaky", "type": "Flaky", "failTimes": 5, "key": "exhausted", "retry": {"attempts": 2}}]}}
        """);

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("flaky", result.FaultedActivityId);
        Assert.Equal("attempt 2 failed", result.Error);
    }

    [Fact]
    public async Task OnErrorPort_FollowsErrorWithTheErrorAsToken()
    {
        var result = await _engine.RunAsync("""
        {"definitionId": "error-port", "variables": [{"name": "caught", "value": null}],
         "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "flaky", "type": "Flaky", "failTimes": 9, "key": "port", "onError": "port"},
           {"id": "ok", "type": "Log", "message": "fine"},
           {"id": "handle", "type": "SetVariable", "variable": "caught", "value": {"expression": {"type": "JavaScript", "value": "incoming.activityId + ': ' + incoming.message"}}}
         ],
         "connections": [
           {"source": {"activity": "flaky", "port": "Done"}, "target": {"activity": "ok", "port": "In"}},
           {"source": {"activity": "flaky", "port": "Error"}, "target": {"activity": "handle", "port": "In"}}
         ]}}
        """);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal("flaky: attempt 1 failed", result.Variables["caught"]!.GetValue<string>());
        Assert.DoesNotContain("ok", await _engine.CompletedAsync(result.InstanceId));
    }

    [Fact]
    public async Task OnErrorContinue_CompletesOnDoneAndLogsAWarning()
    {
        var result = await _engine.RunAsync("""
        {"definitionId": "error-continue", "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "flaky", "type": "Flaky", "failTimes": 9, "key": "continue", "onError": "continue"},
           {"id": "after", "type": "Log", "message": "went on"}]}}
        """);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var logs = await _engine.Store.GetLogsAsync(result.InstanceId);
        Assert.Equal(["Warning: attempt 1 failed (continuing: onError is continue)", "Information: went on"], logs.Select(l => $"{l.Level}: {l.Message}"));
    }

    [Fact]
    public async Task Timeout_FaultsASlowActivity()
    {
        var result = await _engine.RunAsync("""
        {"definitionId": "timeout", "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "slow", "type": "Gate", "key": "never-opened", "timeout": "00:00:00.200"}]}}
        """);

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("timed out after 00:00:00.2", result.Error);
    }

    [Fact]
    public async Task Timeout_OnAWaitingEvent_FaultsWhenNobodyRaisesIt()
    {
        var result = await _engine.RunAsync("""
        {"definitionId": "event-timeout", "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "wait", "type": "Event", "name": "never", "timeout": "00:00:00.200", "onError": "continue"},
           {"id": "after", "type": "Log", "message": "gave up waiting"}]}}
        """);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Contains("after", await _engine.CompletedAsync(result.InstanceId));
    }

    [Fact]
    public async Task DelayBehaviour_WaitsBeforeRunning_AndIsJournaled()
    {
        var result = await _engine.RunAsync("""
        {"definitionId": "delay-before", "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "later", "type": "Log", "message": "ran", "delay": "00:00:00.300"}]}}
        """);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var journal = await _engine.Store.GetJournalAsync(result.InstanceId);
        var delayed = journal.Single(e => e.Kind == JournalKind.ActivityDelayed);
        var started = journal.Single(e => e.Kind == JournalKind.ActivityStarted && e.ActivityId == "later");
        Assert.Equal("waiting 00:00:00.3 before running", delayed.Message);
        Assert.True(started.Timestamp - delayed.Timestamp >= TimeSpan.FromMilliseconds(290));
    }
}
