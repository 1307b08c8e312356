using ElsaFlow.Engine.Model;
using ElsaFlow.Engine.Tests.Validation.Fakes;
using ElsaFlow.Engine.Validation;

namespace ElsaFlow.Engine.Tests.Validation;

public class FlowValidatorBehaviourTests
{
    private static string Read(string behaviour) => $$"""[{"id": "read", "type": "CsvInput", "path": "a.csv", {{behaviour}}}]""";

    [Theory]
    [InlineData("\"delay\": \"48:00:00\"", "delay", "'48:00:00' is not a valid duration: write [d.]hh:mm:ss[.fffffff], for example 00:00:05 or 2.00:00:00")]
    [InlineData("\"timeout\": \"90\"", "timeout", "'90' is not a valid duration: write [d.]hh:mm:ss[.fffffff], for example 00:00:05 or 2.00:00:00")]
    [InlineData("\"retry\": {\"attempts\": 3, \"delay\": \"5s\"}", "retry.delay", "'5s' is not a valid duration: write [d.]hh:mm:ss[.fffffff], for example 00:00:05 or 2.00:00:00")]
    [InlineData("\"retry\": {\"attempts\": 0}", "retry.attempts", "retry attempts must be at least 1 (the first try counts), not 0")]
    [InlineData("\"retry\": {\"attempts\": 2, \"backoff\": \"linear\"}", "retry.backoff", "'linear' is not a backoff; use fixed or exponential")]
    [InlineData("\"retry\": {\"attempts\": 2, \"tries\": 3}", "retry.tries", "unknown retry setting 'tries'; retry has attempts, delay, backoff and maxDelay")]
    [InlineData("\"onError\": \"ignore\"", "onError", "'ignore' is not an error mode; use fault, continue or port")]
    [InlineData("\"timeout\": \"00:00:00\"", "timeout", "the timeout must be longer than zero")]
    public void Validate_InvalidBehaviour_ReportsTheField(string behaviour, string field, string message)
    {
        // Act
        var problems = Flows.Problems(Read(behaviour));

        // Assert
        var problem = Assert.Single(problems);
        Assert.Equal(new ValidationProblem("test-flow", "read", field, message), problem);
    }

    [Fact]
    public void Load_ValidBehaviours_AreMappedToTheModel()
    {
        // Arrange
        const string behaviour = """
            "retry": {"attempts": 3, "delay": "00:00:02", "backoff": "Exponential", "maxDelay": "00:01:00"},
            "delay": "1.00:00:00", "timeout": "00:00:30.5", "onError": "CONTINUE", "worker": "gpu"
            """;

        // Act
        var result = Flows.Load(Read(behaviour));

        // Assert
        Assert.Empty(result.Problems);
        var behaviours = result.Definition!.Root.Activities[0].Behaviours;
        Assert.Equal(3, behaviours.Retry!.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(2), behaviours.Retry.Delay);
        Assert.Equal(BackoffKind.Exponential, behaviours.Retry.Backoff);
        Assert.Equal(TimeSpan.FromMinutes(1), behaviours.Retry.MaxDelay);
        Assert.Equal(TimeSpan.FromDays(1), behaviours.Delay);
        Assert.Equal(TimeSpan.FromSeconds(30.5), behaviours.Timeout);
        Assert.Equal(OnErrorMode.Continue, behaviours.OnError);
        Assert.Equal("gpu", behaviours.Worker);
    }

    [Fact]
    public void Validate_RetryAttemptsBelowOneInCode_ReportsIt()
    {
        // Arrange
        var definition = new WorkflowDefinition { DefinitionId = "f" };
        definition.Root.Activities.Add(new ActivityNode
        {
            Id = "read", Type = "CsvInput", Inputs = { ["path"] = "a.csv" },
            Behaviours = new ActivityBehaviours { Retry = new RetryPolicy { Attempts = -1 } }
        });

        // Act
        var problems = new FlowValidator(TestRegistry.Create()).Validate(definition);

        // Assert
        Assert.Equal("retry attempts must be at least 1 (the first try counts), not -1", Flows.Single(problems, "read", "retry.attempts").Message);
    }
}
