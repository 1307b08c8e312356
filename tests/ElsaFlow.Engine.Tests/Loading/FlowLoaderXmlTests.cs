using System.Text.Encodings.Web;
using System.Text.Json;
using ElsaFlow.Engine.Loading;
using ElsaFlow.Engine.Validation;

namespace ElsaFlow.Engine.Tests.Loading;

public class FlowLoaderXmlTests
{
    private static string Flow(string activities) =>
        $"""<workflow definitionId="f"><flowchart id="root">{activities}</flowchart></workflow>""";

    [Fact]
    public void Parse_ArchitectureFlowInXml_EqualsTheJsonFlow()
    {
        // Arrange
        var fromJson = Loaders.Valid(SampleFlows.ArchitectureJson, FlowFormat.Json);

        // Act
        var fromXml = Loaders.Valid(SampleFlows.ArchitectureXml, FlowFormat.Xml);

        // Assert
        Assert.Equal(Loaders.Json(fromJson), Loaders.Json(fromXml));
    }

    [Fact]
    public void Parse_TextOfTypedInputs_IsCoercedWithTheDescriptor()
    {
        // Arrange
        var xml = Flow("""
            <activity id="read" type="CsvInput">
              <path>a.csv</path><skipRows>3</skipRows><ratio>0.5</ratio><hasHeader>False</hasHeader><message>42</message>
              <headers><accept>7</accept></headers>
            </activity>
            """);

        // Act
        var read = Loaders.Valid(xml, FlowFormat.Xml).Root.Activities[0];

        // Assert
        Assert.Equal("3", read.Inputs["skipRows"]!.ToJsonString());
        Assert.Equal("0.5", read.Inputs["ratio"]!.ToJsonString());
        Assert.Equal("false", read.Inputs["hasHeader"]!.ToJsonString());
        Assert.Equal("\"42\"", read.Inputs["message"]!.ToJsonString());
        Assert.Equal("""{"accept":"7"}""", read.Inputs["headers"]!.ToJsonString());
    }

    [Fact]
    public void Parse_TextThatDoesNotConvert_IsReportedByTheValidator()
    {
        // Arrange
        var xml = Flow("""<activity id="read" type="CsvInput"><path>a.csv</path><skipRows>three</skipRows></activity>""");

        // Act
        var problems = Loaders.Parse(xml, FlowFormat.Xml).Problems;

        // Assert
        Assert.Equal(new ValidationProblem("f", "read", "skipRows", "'\"three\"' is not a valid Integer for input 'skipRows' (expected Integer)"),
            Assert.Single(problems));
    }

    [Fact]
    public void Parse_ListItemsAndNestedObjects_BecomeJsonListsAndObjects()
    {
        // Arrange
        var xml = Flow("""
            <activity id="route" type="Switch">
              <cases>
                <item><label>big</label><condition expression="JavaScript">incoming.amount &gt; 10</condition></item>
                <item><label>small</label><condition expression="Liquid">{{ incoming.amount }}</condition></item>
              </cases>
            </activity>
            """);

        // Act
        var route = Loaders.Valid(xml, FlowFormat.Xml).Root.Activities[0];

        // Assert
        Assert.Equal(
            """[{"label":"big","condition":{"expression":{"type":"JavaScript","value":"incoming.amount > 10"}}},{"label":"small","condition":{"expression":{"type":"Liquid","value":"{{ incoming.amount }}"}}}]""",
            route.Inputs["cases"]!.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public void Parse_BehavioursAsElementsOrAttributes_AreTheSame()
    {
        // Arrange
        var asAttributes = Flow("""
            <activity id="read" type="CsvInput" onError="continue" delay="00:00:01">
              <path>a.csv</path><retry attempts="2" delay="00:00:03" backoff="exponential"/>
            </activity>
            """);
        var asElements = Flow("""
            <activity id="read" type="CsvInput">
              <path>a.csv</path><onError>continue</onError><delay>00:00:01</delay>
              <retry><attempts>2</attempts><delay>00:00:03</delay><backoff>exponential</backoff></retry>
            </activity>
            """);

        // Act
        var first = Loaders.Valid(asAttributes, FlowFormat.Xml);
        var second = Loaders.Valid(asElements, FlowFormat.Xml);

        // Assert
        Assert.Equal(Loaders.Json(first), Loaders.Json(second));
        Assert.Equal(2, first.Root.Activities[0].Behaviours.Retry!.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(3), first.Root.Activities[0].Behaviours.Retry!.Delay);
    }

    [Fact]
    public void Parse_NestedContainersAndStart_AreMapped()
    {
        // Arrange
        const string xml = """
            <workflow definitionId="f" version="4">
              <sequence id="main" start="inner">
                <activity id="inner" type="Flowchart" start="a">
                  <name>Inner part</name>
                  <activity id="a" type="If"><condition>true</condition></activity>
                  <activity id="b" type="Join"/>
                  <activity id="c" type="CsvInput"><path>c.csv</path></activity>
                  <connection from="a:True" to="b:Left"/>
                  <connection from="c" to="b:Right"/>
                </activity>
              </sequence>
            </workflow>
            """;

        // Act
        var definition = Loaders.Valid(xml, FlowFormat.Xml);

        // Assert
        Assert.Equal(4, definition.Version);
        Assert.Equal(("main", "Sequence", "inner"), (definition.Root.Id, definition.Root.Type, definition.Root.Start));
        var inner = definition.Root.Activities[0];
        Assert.Equal(("Flowchart", "a", "Inner part"), (inner.Type, inner.Start, inner.Name));
        Assert.Equal(["a:True -> b:Left", "c:Done -> b:Right"], inner.Connections.Select(c => c.ToString()));
    }

    [Fact]
    public void Parse_BrokenXml_GivesOneLineWithLineAndColumn()
    {
        // Arrange
        const string xml = "<workflow definitionId=\"f\">\n  <flowchart id=\"root\">\n  </workflow>";

        // Act
        var result = Loaders.Parse(xml, FlowFormat.Xml, "flows/x.xml");

        // Assert
        Assert.Null(result.Definition);
        Assert.Equal("flows/x.xml is not valid XML: line 3, column 5: The 'flowchart' start tag on line 2 position 4 does not match the end tag of 'workflow'",
            Assert.Single(result.Problems).Message);
    }

    [Fact]
    public void Parse_XmlWithOtherRootElement_IsNotAFlow()
    {
        // Act
        var result = Loaders.Parse("<html><body/></html>", FlowFormat.Xml, "page.xml");

        // Assert
        Assert.Equal("page.xml is not a flow: the XML root element must be <workflow>, not <html>", Assert.Single(result.Problems).Message);
    }

    [Fact]
    public void Parse_DeclarationsAreTypedByTheirDeclaredType()
    {
        // Arrange
        const string xml = """
            <workflow definitionId="f">
              <inputs><input name="limit" type="Integer" default="10" required="true"/><input name="code" type="String" default="007"/></inputs>
              <variables><variable name="on" type="Boolean" value="true"/></variables>
              <flowchart id="root"/>
            </workflow>
            """;

        // Act
        var definition = Loaders.Valid(xml, FlowFormat.Xml);

        // Assert
        Assert.Equal("10", definition.Inputs[0].Default!.ToJsonString());
        Assert.True(definition.Inputs[0].Required);
        Assert.Equal("\"007\"", definition.Inputs[1].Default!.ToJsonString());
        Assert.Equal("true", definition.Variables[0].Value!.ToJsonString());
    }
}
