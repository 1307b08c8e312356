using System.Text.Json.Nodes;
using ElsaFlow.Engine.Expressions;
using ElsaFlow.Engine.Loading;
using ElsaFlow.Engine.Model;
using ElsaFlow.Engine.Validation;

namespace ElsaFlow.Engine.Tests.Loading;

public class FlowLoaderJsonTests
{
    [Fact]
    public void Parse_ArchitectureFlow_MapsEveryField()
    {
        // Act
        var definition = Loaders.Valid(SampleFlows.ArchitectureJson, FlowFormat.Json);

        // Assert
        Assert.Equal("sales-report", definition.DefinitionId);
        Assert.Equal("Sales report", definition.Name);
        Assert.Equal(1, definition.Version);
        var input = Assert.Single(definition.Inputs);
        Assert.Equal(("inputPath", "String", "workflows/data/sales.csv"), (input.Name, input.Type, input.Default!.GetValue<string>()));
        var variable = Assert.Single(definition.Variables);
        Assert.Equal(("total", "Number", 0), (variable.Name, variable.Type, variable.Value!.GetValue<int>()));
        Assert.Equal(["read", "top", "out"], definition.Root.Activities.Select(a => a.Id));
        var read = definition.Root.Activities[0];
        Assert.True(Expression.TryRead(read.Inputs["path"], out var path));
        Assert.Equal(new Expression("JavaScript", "inputs.inputPath"), path);
        Assert.Equal(2, read.Inputs["skipRows"]!.GetValue<int>());
        Assert.Equal(["path", "skipRows", "hasHeader"], read.Inputs.Keys);
        Assert.Equal(0, read.Metadata!["designer"]!["position"]!["x"]!.GetValue<int>());
        Assert.Equal(3, read.Behaviours.Retry!.Attempts);
        Assert.Equal(new Connection(new Endpoint("read", "Done"), new Endpoint("top", "In")), definition.Root.Connections[0]);
        Assert.Null(definition.SourcePath);
    }

    [Fact]
    public void Parse_BrokenJson_GivesOneLineWithLineAndColumn()
    {
        // Arrange
        const string text = "{\n  \"definitionId\": \"x\",\n  \"root\": {\"id\": \"root\" \"type\": \"Flowchart\"}\n}";

        // Act
        var result = Loaders.Parse(text, FlowFormat.Json, "flows/x.json");

        // Assert
        Assert.Null(result.Definition);
        Assert.False(result.IsValid);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("flows/x.json is not valid JSON: line 3, column 25: '\"' is invalid after a value. Expected either ',', '}', or ']'", problem.Message);
        Assert.DoesNotContain("\n", problem.Message);
        Assert.Equal((null, null, null), (problem.DefinitionId, problem.ActivityId, problem.Field));
    }

    [Theory]
    [InlineData("[1, 2]", "a list")]
    [InlineData("\"flow\"", "a string value")]
    [InlineData("null", "null")]
    public void Parse_DocumentNotAnObject_SaysWhatItIs(string text, string what)
    {
        // Act
        var result = Loaders.Parse(text, FlowFormat.Json, "flows/x.json");

        // Assert
        Assert.Equal($"flows/x.json is not a flow: the document must be a JSON object, not {what}", Assert.Single(result.Problems).Message);
    }

    [Fact]
    public void Parse_TextThatIsNoFlowFormatAtAll_GivesOneProblemPerFormat()
    {
        // Arrange
        const string text = "Dear team, please find the report attached: {oops";

        // Act
        var json = Loaders.Parse(text, FlowFormat.Json, "x.json").Problems;
        var xml = Loaders.Parse(text, FlowFormat.Xml, "x.xml").Problems;
        var yaml = Loaders.Parse(text, FlowFormat.Yaml, "x.yaml").Problems;

        // Assert
        Assert.StartsWith("x.json is not valid JSON: line 1, column 1: ", Assert.Single(json).Message);
        Assert.StartsWith("x.xml is not valid XML: line 1, column 1: ", Assert.Single(xml).Message);
        Assert.Equal("x.yaml is not valid YAML: line 2, column 1: While parsing a flow mapping, did not find expected ',' or '}'", Assert.Single(yaml).Message);
    }

    [Fact]
    public void Parse_MissingRootAndUnknownKey_ReportsBoth()
    {
        // Arrange
        const string text = """{"definitionId": "f", "activities": []}""";

        // Act
        var problems = Loaders.Parse(text, FlowFormat.Json).Problems;

        // Assert
        Assert.Contains(new ValidationProblem("f", null, "activities",
            "unknown key 'activities'; a flow has definitionId, name, description, version, inputs, variables, metadata, root"), problems);
        Assert.Contains(new ValidationProblem("f", null, "root",
            "the flow has no root activity; add \"root\": {\"type\": \"Flowchart\", \"id\": \"root\", ...}"), problems);
    }

    [Fact]
    public void Parse_VersionAsText_IsAProblem()
    {
        // Arrange
        const string text = """{"definitionId": "f", "version": "2", "root": {"id": "root", "type": "Flowchart"}}""";

        // Act
        var problems = Loaders.Parse(text, FlowFormat.Json).Problems;

        // Assert
        Assert.Equal(new ValidationProblem("f", null, "version", "the version must be a whole number, not the text \"2\""), Assert.Single(problems));
    }

    [Fact]
    public void LoadFile_JsonFile_SetsSourcePathAndNamesTheFileInProblems()
    {
        // Arrange
        var folder = Directory.CreateTempSubdirectory("elsaflow-loading-");
        var good = Path.Combine(folder.FullName, "good.json");
        var bad = Path.Combine(folder.FullName, "bad.json");
        File.WriteAllText(good, SampleFlows.ArchitectureJson);
        File.WriteAllText(bad, "{ nope");

        try
        {
            // Act
            var loaded = Loaders.Create().LoadFile(good);
            var broken = Loaders.Create().LoadFile(bad);

            // Assert
            Assert.True(loaded.IsValid);
            Assert.Equal(good, loaded.Definition!.SourcePath);
            Assert.StartsWith($"{bad} is not valid JSON: line 1, column 3: ", Assert.Single(broken.Problems).Message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("flow.yml", SampleFlows.ArchitectureYaml)]
    [InlineData("flow.yaml", SampleFlows.ArchitectureYaml)]
    [InlineData("flow.xml", SampleFlows.ArchitectureXml)]
    public void LoadFile_YamlOrXmlFile_IsReadInTheFormatOfItsExtension(string name, string text)
    {
        // Arrange
        var folder = Directory.CreateTempSubdirectory("elsaflow-loading-");
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllText(path, text);
        var expected = Loaders.Json(Loaders.Valid(SampleFlows.ArchitectureJson, FlowFormat.Json));

        try
        {
            // Act
            var result = Loaders.Create().LoadFile(path);

            // Assert
            Assert.True(result.IsValid, string.Join("; ", result.Problems));
            Assert.Equal(path, result.Definition!.SourcePath);
            Assert.Equal(expected, Loaders.Json(result.Definition));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void LoadFile_UnknownExtension_SaysWhichExtensionsWork()
    {
        // Act
        var result = Loaders.Create().LoadFile("flows/report.txt");

        // Assert
        Assert.Equal("flows/report.txt is not a flow file: use the extension .json, .yaml, .yml or .xml", Assert.Single(result.Problems).Message);
    }

    [Fact]
    public void Parse_ExpressionObject_IsKeptRawInInputs()
    {
        // Arrange
        var json = SampleFlows.ArchitectureJson;

        // Act
        var definition = Loaders.Valid(json, FlowFormat.Json);

        // Assert
        var raw = definition.Root.Activities[0].Inputs["path"]!;
        Assert.Equal("""{"expression":{"type":"JavaScript","value":"inputs.inputPath"}}""", raw.ToJsonString());
        Assert.Null(raw.Parent);
        Assert.IsType<JsonObject>(raw);
    }
}
