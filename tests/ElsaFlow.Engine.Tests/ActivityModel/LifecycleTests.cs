using System.Collections.Concurrent;
using ElsaFlow.Engine.ActivityModel;
using ElsaFlow.Engine.Store;
using ElsaFlow.Engine.Tests.Support;

namespace ElsaFlow.Engine.Tests.ActivityModel;

public sealed class LifecycleTests
{
    [Fact]
    public async Task CodeActivity_HooksRunInOrder_OnSuccessAndOnError()
    {
        await using var engine = new EngineHarness(configure: r => r.Register<Hooked>());
        var key = Guid.NewGuid().ToString("n");

        var result = await engine.RunAsync($$$"""
        {"definitionId": "hooks", "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "ok", "type": "Hooked", "key": "{{{key}}}-ok"},
           {"id": "bad", "type": "Hooked", "key": "{{{key}}}-bad", "fail": true, "onError": "continue"}]}}
        """);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["init", "run", "success"], Hooked.Calls[$"{key}-ok"]);
        Assert.Equal(["init", "run", "error: nope"], Hooked.Calls[$"{key}-bad"]);
    }

    [Activity(Category = "Test", Description = "Records its lifecycle")]
    public sealed class Hooked : CodeActivity
    {
        public static readonly ConcurrentDictionary<string, List<string>> Calls = new();

        [Input] public Input<string> Key { get; init; } = new("");
        [Input] public Input<bool> Fail { get; init; } = new(false);

        public override ValueTask InitAsync(ActivityContext context) { Record(context, "init"); return ValueTask.CompletedTask; }

        public override ValueTask RunAsync(ActivityContext context)
        {
            Record(context, "run");
            if (context.Get(Fail)) throw new InvalidOperationException("nope");
            return ValueTask.CompletedTask;
        }

        public override ValueTask OnSuccessAsync(ActivityContext context) { Record(context, "success"); return ValueTask.CompletedTask; }

        public override ValueTask OnErrorAsync(ActivityContext context, Exception error) { Record(context, $"error: {error.Message}"); return ValueTask.CompletedTask; }

        private void Record(ActivityContext context, string what) => Calls.GetOrAdd(context.Get(Key), _ => []).Add(what);
    }
}
