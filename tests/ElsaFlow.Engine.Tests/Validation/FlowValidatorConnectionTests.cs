using ElsaFlow.Engine.Tests.Validation.Fakes;

namespace ElsaFlow.Engine.Tests.Validation;

public class FlowValidatorConnectionTests
{
    private const string ReadAndCheck = """
        [{"id": "read", "type": "CsvInput", "path": "a.csv"},
         {"id": "check", "type": "If", "condition": "true"},
         {"id": "join", "type": "Join"}]
        """;

    private static string Wire(string from, string fromPort, string to, string toPort) =>
        $$$"""[{"source": {"activity": "{{{from}}}", "port": "{{{fromPort}}}"}, "target": {"activity": "{{{to}}}", "port": "{{{toPort}}}"}}]""";

    [Fact]
    public void Validate_UnknownSourcePort_ListsTheOutcomes()
    {
        // Arrange
        var connections = Wire("read", "Dnoe", "check", "In");

        // Act
        var problems = Flows.Problems(ReadAndCheck, connections);

        // Assert
        Assert.Equal("the connection read:Dnoe -> check:In uses the unknown outcome port 'Dnoe' of 'read'; CsvInput has the outcome ports Done, Rejected",
            Flows.Single(problems, "root", "connections").Message);
    }

    [Fact]
    public void Validate_UnknownTargetPort_ListsTheInputPorts()
    {
        // Arrange
        var connections = Wire("read", "Done", "join", "In");

        // Act
        var problems = Flows.Problems(ReadAndCheck, connections);

        // Assert
        Assert.Equal("the connection read:Done -> join:In uses the unknown input port 'In' of 'join'; Join has the input ports Left, Right",
            Flows.Single(problems, "root", "connections").Message);
    }

    [Fact]
    public void Validate_ErrorPortWithoutOnErrorPort_IsUnknown()
    {
        // Arrange
        var connections = Wire("read", "Error", "check", "In");

        // Act
        var problems = Flows.Problems(ReadAndCheck, connections);

        // Assert
        Assert.Contains("unknown outcome port 'Error' of 'read'", Flows.Single(problems, "root", "connections").Message);
    }

    [Fact]
    public void Validate_ErrorPortWithOnErrorPort_IsAccepted()
    {
        // Arrange
        const string activities = """
            [{"id": "read", "type": "CsvInput", "path": "a.csv", "onError": "Port"},
             {"id": "check", "type": "If", "condition": "true"}]
            """;

        // Act
        var problems = Flows.Problems(activities, Wire("read", "Error", "check", "In"));

        // Assert
        Assert.Empty(problems);
    }

    [Fact]
    public void Validate_DynamicPortOfSwitch_IsAcceptedAndUnknownCaseIsNot()
    {
        // Arrange
        const string activities = """
            [{"id": "route", "type": "Switch", "cases": [{"label": "big", "condition": {"expression": {"type": "JavaScript", "value": "incoming > 10"}}}]},
             {"id": "check", "type": "If", "condition": "true"}]
            """;
        const string connections = """
            [{"source": {"activity": "route", "port": "big"}, "target": {"activity": "check", "port": "In"}},
             {"source": {"activity": "route", "port": "small"}, "target": {"activity": "check", "port": "In"}}]
            """;

        // Act
        var problems = Flows.Problems(activities, connections);

        // Assert
        Assert.Equal("the connection route:small -> check:In uses the unknown outcome port 'small' of 'route'; Switch has the outcome ports Default, big",
            Flows.Single(problems, "root", "connections").Message);
    }

    [Fact]
    public void Validate_ConnectionToMissingActivity_ReportsIt()
    {
        // Arrange
        var connections = Wire("read", "Done", "sort", "In");

        // Act
        var problems = Flows.Problems(ReadAndCheck, connections);

        // Assert
        Assert.Equal("the connection read:Done -> sort:In goes to 'sort', but there is no activity with that id",
            Flows.Single(problems, "root", "connections").Message);
    }

    [Fact]
    public void Validate_ConnectionIntoAnotherContainer_ReportsIt()
    {
        // Arrange
        const string activities = """
            [{"id": "read", "type": "CsvInput", "path": "a.csv"},
             {"id": "inner", "type": "Flowchart", "activities": [{"id": "check", "type": "If", "condition": "true"}]}]
            """;

        // Act
        var problems = Flows.Problems(activities, Wire("read", "Done", "check", "In"));

        // Assert
        Assert.Equal("the connection read:Done -> check:In goes to 'check', which is not a child of 'root'; connections stay inside their container",
            Flows.Single(problems, "root", "connections").Message);
    }
}
