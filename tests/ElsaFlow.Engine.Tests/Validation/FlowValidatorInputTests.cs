using ElsaFlow.Engine.Model;
using ElsaFlow.Engine.Tests.Validation.Fakes;
using ElsaFlow.Engine.Validation;

namespace ElsaFlow.Engine.Tests.Validation;

public class FlowValidatorInputTests
{
    [Fact]
    public void Validate_ValidFlow_ReportsNothing()
    {
        // Arrange
        const string activities = """
            [{"id": "read", "type": "CsvInput", "path": "a.csv", "skipRows": 2, "ratio": 0.5, "hasHeader": false, "wait": "00:00:05",
              "mode": "Lenient", "by": [{"column": "amount", "descending": true}], "headers": {"a": "b"}},
             {"id": "check", "type": "If", "condition": "outputs.read.rowCount > 0"}]
            """;

        // Act
        var result = Flows.Load(activities, """[{"source": {"activity": "read", "port": "Done"}, "target": {"activity": "check", "port": "In"}}]""");

        // Assert
        Assert.Empty(result.Problems);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Validate_NameAndDescriptionLabels_AreNotUnknownInputs()
    {
        // Arrange
        const string activities = """[{"id": "check", "type": "If", "name": "Big order?", "description": "Orders over 100 need approval", "condition": "true"}]""";

        // Act
        var result = Flows.Load(activities);

        // Assert
        Assert.Empty(result.Problems);
        Assert.Equal(("Big order?", "Orders over 100 need approval"), (result.Definition!.Root.Activities[0].Name, result.Definition.Root.Activities[0].Description));
    }

    [Fact]
    public void Validate_UnknownInput_NamesItAndListsTheActivityInputs()
    {
        // Arrange
        const string activities = """[{"id": "check", "type": "If", "condition": "true", "conditon": "false"}]""";

        // Act
        var problems = Flows.Problems(activities);

        // Assert
        var problem = Flows.Single(problems, "check", "conditon");
        Assert.Equal("unknown input 'conditon'; did you mean 'condition'? If has the inputs condition", problem.Message);
        Assert.Equal("test-flow", problem.DefinitionId);
    }

    [Fact]
    public void Validate_MisspeltBehaviourKey_SuggestsTheBehaviour()
    {
        // Arrange
        const string activities = """[{"id": "inner", "type": "Sequence", "retyr": {"attempts": 2}}]""";

        // Act
        var problems = Flows.Problems(activities);

        // Assert
        Assert.Equal("unknown input 'retyr'; did you mean 'retry'? Sequence has no inputs", Flows.Single(problems, "inner", "retyr").Message);
    }

    [Fact]
    public void Validate_MissingRequiredInput_ReportsIt()
    {
        // Arrange
        const string activities = """[{"id": "read", "type": "CsvInput", "skipRows": 1}]""";

        // Act
        var problems = Flows.Problems(activities);

        // Assert
        Assert.Equal("the required input 'path' of CsvInput is missing", Flows.Single(problems, "read", "path").Message);
    }

    [Theory]
    [InlineData("\"skipRows\": \"many\"", "skipRows", "'\"many\"' is not a valid Integer for input 'skipRows' (expected Integer)")]
    [InlineData("\"hasHeader\": \"perhaps\"", "hasHeader", "'\"perhaps\"' is not a valid Boolean for input 'hasHeader' (expected Boolean)")]
    [InlineData("\"wait\": \"48:00:00\"", "wait", "'\"48:00:00\"' is not a valid Duration for input 'wait' (expected Duration)")]
    [InlineData("\"mode\": \"Careless\"", "mode", "'\"Careless\"' is not a valid Enum for input 'mode' (expected Enum); use one of Strict, Lenient")]
    [InlineData("\"by\": [{\"column\": \"a\", \"descending\": \"sometimes\"}]", "by", "'[{\"column\":\"a\",\"descending\":\"sometimes\"}]' is not a valid List for input 'by' (expected a list like [{\"column\": \"...\", \"descending\": false}])")]
    [InlineData("\"headers\": [1, 2]", "headers", "'[1,2]' is not a valid Map for input 'headers' (expected Map)")]
    public void Validate_LiteralOfWrongType_ReportsTheDeclaredType(string input, string field, string message)
    {
        // Arrange
        var activities = $$"""[{"id": "read", "type": "CsvInput", "path": "a.csv", {{input}}}]""";

        // Act
        var problems = Flows.Problems(activities);

        // Assert
        Assert.Equal(message, Flows.Single(problems, "read", field).Message);
    }

    [Fact]
    public void Validate_NumericAndBooleanStrings_AreAcceptedForTypedInputs()
    {
        // Arrange
        const string activities = """[{"id": "read", "type": "CsvInput", "path": "a.csv", "skipRows": "3", "ratio": "0.25", "hasHeader": "false"}]""";

        // Act
        var problems = Flows.Problems(activities);

        // Assert
        Assert.Empty(problems);
    }

    [Fact]
    public void Validate_UnknownExpressionType_ListsTheKnownOnes()
    {
        // Arrange
        const string activities = """[{"id": "read", "type": "CsvInput", "path": {"expression": {"type": "Python", "value": "x"}}}]""";

        // Act
        var problems = Flows.Problems(activities);

        // Assert
        Assert.Equal("unknown expression type 'Python'; use one of Literal, JavaScript, Liquid, Variable, Sql", Flows.Single(problems, "read", "path").Message);
    }

    [Fact]
    public void Validate_JavaScriptSyntaxError_GivesParserMessageWithLineAndColumn()
    {
        // Arrange
        const string activities = """[{"id": "read", "type": "CsvInput", "path": {"expression": {"type": "JavaScript", "value": "inputs.path +"}}}]""";

        // Act
        var problems = Flows.Problems(activities);

        // Assert
        var message = Flows.Single(problems, "read", "path").Message;
        Assert.StartsWith("JavaScript syntax error at line 1, column 14: ", message);
        Assert.Contains("Unexpected end of input", message);
    }

    [Fact]
    public void Validate_PlainStringForJavaScriptInput_IsSyntaxChecked()
    {
        // Arrange
        const string activities = """[{"id": "check", "type": "If", "condition": "outputs.read.rowCount >> > 0"}]""";

        // Act
        var problems = Flows.Problems(activities);

        // Assert
        Assert.StartsWith("JavaScript syntax error at line 1, column ", Flows.Single(problems, "check", "condition").Message);
    }

    [Fact]
    public void Validate_LiquidSyntaxError_ReportsTheParserMessage()
    {
        // Arrange
        const string activities = """[{"id": "read", "type": "CsvInput", "path": "a.csv", "message": {"expression": {"type": "Liquid", "value": "Hello {{ name "}}}]""";

        // Act
        var problems = Flows.Problems(activities);

        // Assert
        Assert.StartsWith("Liquid syntax error: ", Flows.Single(problems, "read", "message").Message);
    }

    [Fact]
    public void Validate_ExpressionInsideListItem_IsSyntaxChecked()
    {
        // Arrange
        const string activities = """
            [{"id": "route", "type": "Switch", "cases": [{"label": "big", "condition": {"expression": {"type": "JavaScript", "value": "incoming.amount >"}}}]}]
            """;

        // Act
        var problems = Flows.Problems(activities);

        // Assert
        Assert.StartsWith("JavaScript syntax error at line 1, column 18: ", Flows.Single(problems, "route", "cases").Message);
    }

    [Fact]
    public void Validate_UndeclaredVariableExpression_ReportsTheVariable()
    {
        // Arrange
        const string activities = """[{"id": "read", "type": "CsvInput", "path": {"expression": {"type": "Variable", "value": "fileName"}}}]""";

        // Act
        var problems = Flows.Problems(activities, extra: "\"variables\": [{\"name\": \"total\", \"type\": \"Number\", \"value\": 0}],");

        // Assert
        Assert.Equal("the variable 'fileName' is not declared in the flow's variables", Flows.Single(problems, "read", "path").Message);
    }

    [Fact]
    public void Validate_ActivityOwnCheck_IsReported()
    {
        // Arrange
        var definition = new WorkflowDefinition { DefinitionId = "wait-flow" };
        definition.Root.Activities.Add(new ActivityNode
        {
            Id = "pause", Type = "Wait",
            Inputs = { ["duration"] = "00:01:00", ["until"] = "2026-01-01T00:00:00Z" }
        });

        // Act
        var problems = new FlowValidator(TestRegistry.Create()).Validate(definition);

        // Assert
        var problem = Assert.Single(problems);
        Assert.Equal(new ValidationProblem("wait-flow", "pause", "until", "give a duration or an until time, not both"), problem);
    }
}
