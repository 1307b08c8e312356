using ElsaFlow.Engine.ActivityModel;
using ElsaFlow.Engine.Descriptors;
using ElsaFlow.Engine.Dispatch;
using ElsaFlow.Engine.Secrets;
using ElsaFlow.Engine.Store;
using ElsaFlow.Engine.Tests.Support;

namespace ElsaFlow.Engine.Tests.Secrets;

/// <summary>What an activity reports (error, log lines) is redacted through the process's known secrets before it is recorded.</summary>
public sealed class KnownSecretsTests
{
    private const string Secret = "known-secret-value";

    private const string Flow = """
        {"definitionId": "leaks", "root": {"id": "root", "type": "Sequence", "activities": [{"id": "leak", "type": "Leaky"}]}}
        """;

    [Fact]
    public async Task Run_ActivityLogsAndFailsQuotingAKnownSecret_JournalLogsAndErrorRedacted()
    {
        var known = new KnownSecrets();
        known.Add([Secret]);
        var registry = new ActivityRegistry().RegisterAssembly(typeof(ElsaFlow.Engine.Activities.Flowchart).Assembly).Register<Leaky>();
        await using var harness = new EngineHarness(configure: r => r.Register<Leaky>(),
            dispatcher: new InProcessActivityDispatcher(new ActivityExecutor(registry, new NoServices(), TimeProvider.System, secrets: known)));

        var result = await harness.RunAsync(Flow);

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        var journal = await harness.Store.GetJournalAsync(result.InstanceId);
        var logs = await harness.Store.GetLogsAsync(result.InstanceId);
        Assert.Contains(journal, j => j.Message?.Contains("cannot log in with ***", StringComparison.Ordinal) == true);
        Assert.Contains(logs, l => l.Message.Contains("trying ***", StringComparison.Ordinal));
        Assert.All(journal.Select(j => j.Message ?? "").Concat(logs.Select(l => l.Message)).Append(result.Error ?? ""),
            text => Assert.DoesNotContain(Secret, text, StringComparison.Ordinal));
    }

    private sealed class NoServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }

    [Fact]
    public void Add_ShortValues_NotSearchedFor()
    {
        var known = new KnownSecrets();

        known.Add(["abc", "long-enough"]);

        Assert.Equal("abc ***", known.Redactor.Redact("abc long-enough"));
    }
}

/// <summary>Logs and fails quoting a secret, as a careless client library would.</summary>
[Activity(Type = "Leaky", Category = "Test", Description = "Log and fail with a secret")]
public sealed class Leaky : CodeActivity
{
    public override ValueTask RunAsync(ActivityContext context)
    {
        context.Log("trying known-secret-value");
        throw new InvalidOperationException("cannot log in with known-secret-value");
    }
}
