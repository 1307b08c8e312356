using System.Text.Json;
using ElsaFlow.Engine.Loading;
using ElsaFlow.Engine.Validation;

namespace ElsaFlow.Engine.Tests.Loading;

public class FlowLoaderYamlTests
{
    private const string Root = "root: {id: root, type: Flowchart}";

    [Fact]
    public void Parse_ArchitectureFlowInYaml_EqualsTheJsonFlow()
    {
        // Arrange
        var fromJson = Loaders.Valid(SampleFlows.ArchitectureJson, FlowFormat.Json);

        // Act
        var fromYaml = Loaders.Valid(SampleFlows.ArchitectureYaml, FlowFormat.Yaml);

        // Assert
        Assert.Equal(Loaders.Json(fromJson), Loaders.Json(fromYaml));
    }

    [Fact]
    public void Parse_UnquotedVersion_IsANumber()
    {
        // Act
        var definition = Loaders.Valid($"definitionId: f\nversion: 7\n{Root}\n", FlowFormat.Yaml);

        // Assert
        Assert.Equal(7, definition.Version);
    }

    [Fact]
    public void Parse_QuotedVersion_IsTextAndAProblem()
    {
        // Act
        var problems = Loaders.Parse($"definitionId: f\nversion: \"1\"\n{Root}\n", FlowFormat.Yaml).Problems;

        // Assert
        Assert.Equal(new ValidationProblem("f", null, "version", "the version must be a whole number, not the text \"1\""), Assert.Single(problems));
    }

    [Theory]
    [InlineData("~", JsonValueKind.Null, null)]
    [InlineData("null", JsonValueKind.Null, null)]
    [InlineData("true", JsonValueKind.True, "true")]
    [InlineData("False", JsonValueKind.False, "false")]
    [InlineData("42", JsonValueKind.Number, "42")]
    [InlineData("-3", JsonValueKind.Number, "-3")]
    [InlineData("0x1F", JsonValueKind.Number, "31")]
    [InlineData("0o17", JsonValueKind.Number, "15")]
    [InlineData("1.5e3", JsonValueKind.Number, "1500")]
    [InlineData("\"42\"", JsonValueKind.String, "\"42\"")]
    [InlineData("'true'", JsonValueKind.String, "\"true\"")]
    [InlineData("yes", JsonValueKind.String, "\"yes\"")]
    [InlineData("00:00:05", JsonValueKind.String, "\"00:00:05\"")]
    [InlineData(".inf", JsonValueKind.String, "\".inf\"")]
    public void Parse_Scalar_FollowsYaml12CoreSchema(string yaml, JsonValueKind kind, string? json)
    {
        // Arrange
        var text = $"definitionId: f\nvariables:\n  - {{name: v, type: Object, value: {yaml}}}\n{Root}\n";

        // Act
        var value = Loaders.Parse(text, FlowFormat.Yaml).Definition!.Variables[0].Value;

        // Assert
        Assert.Equal(kind, value?.GetValueKind() ?? JsonValueKind.Null);
        Assert.Equal(json, value?.ToJsonString());
    }

    [Fact]
    public void Parse_BrokenYaml_GivesOneLineWithLineAndColumn()
    {
        // Arrange
        const string text = "definitionId: f\nroot:\n  id: root\n   type: Flowchart\n";

        // Act
        var result = Loaders.Parse(text, FlowFormat.Yaml, "flows/x.yaml");

        // Assert
        Assert.Null(result.Definition);
        var message = Assert.Single(result.Problems).Message;
        Assert.StartsWith("flows/x.yaml is not valid YAML: line 4, column ", message);
        Assert.DoesNotContain("\n", message);
    }

    [Fact]
    public void Parse_YamlListAsDocument_IsNotAFlow()
    {
        // Act
        var result = Loaders.Parse("- a\n- b\n", FlowFormat.Yaml, "flows/x.yaml");

        // Assert
        Assert.Equal("flows/x.yaml is not a flow: the document must be a mapping, not a list", Assert.Single(result.Problems).Message);
    }

    [Fact]
    public void Parse_DuplicateKey_IsOneProblem()
    {
        // Act
        var result = Loaders.Parse("definitionId: f\ndefinitionId: g\n" + Root, FlowFormat.Yaml, "x.yml");

        // Assert
        Assert.StartsWith("x.yml is not valid YAML: line ", Assert.Single(result.Problems).Message);
    }
}
