using ElsaFlow.Engine.Loading;
using ElsaFlow.Engine.Model;

namespace ElsaFlow.Engine.Tests.Loading;

public class FlowWriterTests
{
    [Theory]
    [InlineData(FlowFormat.Xml)]
    [InlineData(FlowFormat.Yaml)]
    [InlineData(FlowFormat.Json)]
    public void Write_RichFlowThenRead_GivesTheSameDefinition(FlowFormat format)
    {
        // Arrange
        var original = Loaders.Valid(SampleFlows.RichJson, FlowFormat.Json);

        // Act
        var text = FlowWriter.Write(original, format);
        var reread = Loaders.Valid(text, format);

        // Assert
        Assert.Equal(Loaders.Json(original), Loaders.Json(reread));
    }

    [Fact]
    public void Write_Json_OmitsEmptyValuesAndDefaults()
    {
        // Arrange
        var definition = new WorkflowDefinition { DefinitionId = "f" };
        definition.Root.Activities.Add(new ActivityNode { Id = "a", Type = "If", Inputs = { ["condition"] = "x > 1 && y < 2" } });

        // Act
        var json = FlowWriter.Write(definition, FlowFormat.Json);

        // Assert
        Assert.Equal("""
            {
              "definitionId": "f",
              "version": 1,
              "root": {
                "id": "root",
                "type": "Flowchart",
                "activities": [
                  {
                    "id": "a",
                    "type": "If",
                    "condition": "x > 1 && y < 2"
                  }
                ]
              }
            }

            """.ReplaceLineEndings("\n"), json);
    }

    [Fact]
    public void Write_Yaml_QuotesStringsThatWouldReadAsOtherTypes()
    {
        // Arrange
        var definition = new WorkflowDefinition { DefinitionId = "f", Name = "true" };
        definition.Variables.Add(new VariableDefinition { Name = "code", Type = "String", Value = "007" });

        // Act
        var yaml = FlowWriter.Write(definition, FlowFormat.Yaml);

        // Assert
        Assert.Contains("name: \"true\"", yaml);
        Assert.Contains("value: \"007\"", yaml);
        Assert.Contains("version: 1\n", yaml);
        Assert.Equal("\"007\"", Loaders.Valid(yaml, FlowFormat.Yaml).Variables[0].Value!.ToJsonString());
    }

    [Fact]
    public void Write_Xml_UsesAttributesElementsAndConnections()
    {
        // Arrange
        var definition = Loaders.Valid(SampleFlows.ArchitectureJson, FlowFormat.Json);

        // Act
        var xml = FlowWriter.Write(definition, FlowFormat.Xml);

        // Assert
        Assert.StartsWith("<workflow definitionId=\"sales-report\" name=\"Sales report\" version=\"1\">", xml);
        Assert.Contains("<flowchart id=\"root\">", xml);
        Assert.Contains("<path expression=\"JavaScript\">inputs.inputPath</path>", xml);
        Assert.Contains("<connection from=\"read:Done\" to=\"top:In\" />", xml);
        Assert.Contains("<item>", xml);
    }
}
