using ElsaFlow.Engine.Model;
using ElsaFlow.Engine.Tests.Validation.Fakes;
using ElsaFlow.Engine.Validation;

namespace ElsaFlow.Engine.Tests.Validation;

public class FlowValidatorStructureTests
{
    [Fact]
    public void Validate_UnknownActivityType_SuggestsTheClosestKnownType()
    {
        // Arrange
        const string activities = """[{"id": "read", "type": "CsvInptu", "path": "a.csv"}]""";

        // Act
        var problems = Flows.Problems(activities);

        // Assert
        var problem = Assert.Single(problems);
        Assert.Equal(new ValidationProblem("test-flow", "read", "type", "unknown activity type 'CsvInptu'; did you mean 'CsvInput'?"), problem);
    }

    [Fact]
    public void Validate_UnknownActivityTypeFarFromAnyKnown_GivesNoSuggestion()
    {
        // Arrange
        const string activities = """[{"id": "mail", "type": "SendEmailWithAttachments"}]""";

        // Act
        var problems = Flows.Problems(activities);

        // Assert
        Assert.Equal("unknown activity type 'SendEmailWithAttachments'", Flows.Single(problems, "mail", "type").Message);
    }

    [Fact]
    public void Validate_DuplicateIdInNestedContainer_ReportsItOnce()
    {
        // Arrange
        const string activities = """
            [{"id": "read", "type": "CsvInput", "path": "a.csv"},
             {"id": "inner", "type": "Sequence", "activities": [{"id": "read", "type": "CsvInput", "path": "b.csv"}]}]
            """;

        // Act
        var problems = Flows.Problems(activities);

        // Assert
        Assert.Equal("the id 'read' is used by 2 activities; ids must be unique in the whole flow", Flows.Single(problems, "read", "id").Message);
    }

    [Theory]
    [InlineData("1read")]
    [InlineData("read-file")]
    [InlineData("read file")]
    public void Validate_InvalidId_ExplainsTheRule(string id)
    {
        // Arrange
        var activities = $$"""[{"id": "{{id}}", "type": "CsvInput", "path": "a.csv"}]""";

        // Act
        var problems = Flows.Problems(activities);

        // Assert
        Assert.Equal($"'{id}' is not a valid id: use letters, digits and _, not starting with a digit (ids are used in JavaScript and SQL)",
            Flows.Single(problems, id, "id").Message);
    }

    [Fact]
    public void Validate_ActivityWithoutId_ReportsIt()
    {
        // Arrange
        const string activities = """[{"type": "CsvInput", "path": "a.csv"}]""";

        // Act
        var problems = Flows.Problems(activities);

        // Assert
        Assert.Equal("a CsvInput activity has no id", Flows.Single(problems, null, "id").Message);
    }

    [Fact]
    public void Validate_RootNotAContainer_ReportsIt()
    {
        // Arrange
        var definition = new WorkflowDefinition { DefinitionId = "f", Root = new ActivityNode { Id = "root", Type = "If", Inputs = { ["condition"] = "true" } } };

        // Act
        var problems = new FlowValidator(TestRegistry.Create()).Validate(definition);

        // Assert
        var problem = Assert.Single(problems);
        Assert.Equal(new ValidationProblem("f", "root", "type", "the root activity must be a Flowchart or a Sequence, not 'If'"), problem);
    }

    [Fact]
    public void Validate_StartNamingMissingChild_ReportsIt()
    {
        // Arrange
        var definition = new WorkflowDefinition { DefinitionId = "f" };
        definition.Root.Start = "begin";
        definition.Root.Activities.Add(new ActivityNode { Id = "read", Type = "CsvInput", Inputs = { ["path"] = "a.csv" } });

        // Act
        var problems = new FlowValidator(TestRegistry.Create()).Validate(definition);

        // Assert
        Assert.Equal("the start activity 'begin' is not a child of 'root'", Flows.Single(problems, "root", "start").Message);
    }

    [Fact]
    public void Validate_MissingDefinitionId_ReportsItForTheFlow()
    {
        // Arrange
        var definition = new WorkflowDefinition();

        // Act
        var problems = new FlowValidator(TestRegistry.Create()).Validate(definition);

        // Assert
        var problem = Assert.Single(problems);
        Assert.Equal(new ValidationProblem(null, null, "definitionId",
            "the flow has no definitionId; give it one, for example \"definitionId\": \"sales-report\""), problem);
    }

    [Fact]
    public void Validate_DuplicateInputAndVariableNames_ReportsBoth()
    {
        // Arrange
        var definition = new WorkflowDefinition
        {
            DefinitionId = "f",
            Inputs = [new() { Name = "path" }, new() { Name = "path" }],
            Variables = [new() { Name = "total" }, new() { Name = "total" }]
        };

        // Act
        var problems = new FlowValidator(TestRegistry.Create()).Validate(definition);

        // Assert
        Assert.Equal("the workflow input 'path' is declared more than once", Flows.Single(problems, null, "inputs").Message);
        Assert.Equal("the workflow variable 'total' is declared more than once", Flows.Single(problems, null, "variables").Message);
    }

    [Fact]
    public void Validate_ChildrenOnNonContainer_ReportsIt()
    {
        // Arrange
        const string activities = """[{"id": "check", "type": "If", "condition": "true", "activities": [{"id": "x", "type": "Join"}]}]""";

        // Act
        var problems = Flows.Problems(activities);

        // Assert
        Assert.Equal("only a Flowchart or a Sequence holds activities, not a If", Flows.Single(problems, "check", "activities").Message);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEveryOneAtOnce()
    {
        // Arrange
        const string activities = """
            [{"id": "read", "type": "CsvInput", "skipRows": "x", "delay": "48:00:00"},
             {"id": "bad-id", "type": "Iff"}]
            """;

        // Act
        var problems = Flows.Problems(activities);

        // Assert
        Assert.Equal(
            new[] { "bad-id:id", "bad-id:type", "read:delay", "read:path", "read:skipRows" },
            problems.Select(p => $"{p.ActivityId}:{p.Field}").Order(StringComparer.Ordinal));
    }
}
