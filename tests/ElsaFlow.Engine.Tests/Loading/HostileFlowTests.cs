using ElsaFlow.Engine.Activities;
using ElsaFlow.Engine.Descriptors;
using ElsaFlow.Engine.Loading;
using ElsaFlow.FlowCorpus;

namespace ElsaFlow.Engine.Tests.Loading;

/// <summary>The loader over the hostile corpus: every document ends in problems or a flow, never in an exception or a crash.</summary>
public class HostileFlowTests
{
    private static readonly FlowLoader Loader = new(new ActivityRegistry().RegisterAssembly(typeof(Flowchart).Assembly));

    [Fact]
    public void Parse_EveryCorpusDocument_ReturnsAResultWithoutThrowing()
    {
        // Arrange
        var corpus = HostileFlows.All(mutationsPerFile: 40, seed: 10).ToList();
        var failures = new List<string>();

        // Act
        foreach (var flow in corpus)
        {
            FlowFormat.TryFromPath("x" + flow.Extension, out var format);
            try
            {
                var result = Loader.Parse(flow.Text, format, flow.Name);
                if (result.Definition is null && result.Problems.Count == 0) failures.Add($"{flow}: no flow and no problem");
                if (result.Problems.Any(p => string.IsNullOrWhiteSpace(p.Message))) failures.Add($"{flow}: a problem without a message");
            }
            catch (Exception e)
            {
                failures.Add($"{flow}: {e.GetType().Name}: {e.Message}");
            }
        }

        // Assert
        Assert.True(corpus.Count > 500, $"only {corpus.Count} documents");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [InlineData("root: &a {id: r, type: Sequence, activities: [*a]}\n", "line 1, column 7: anchors (&a) are not allowed")]
    [InlineData("definitionId: f\nname: *x\n", "line 2, column 7: aliases (*x) are not allowed")]
    [InlineData("definitionId: a\ndefinitionId: b\n", "line 2, column 1: the key 'definitionId' appears twice")]
    [InlineData("definitionId: \"f\nroot: {id: root\n", "is not valid YAML: line")]
    public void Parse_HostileYaml_NamesLineAndColumn(string yaml, string expected)
    {
        // Act
        var result = Loader.Parse(yaml, FlowFormat.Yaml, "f.yaml");

        // Assert
        Assert.Null(result.Definition);
        Assert.Contains(expected, Assert.Single(result.Problems).Message);
    }

    [Theory]
    [InlineData(FlowFormat.Json)]
    [InlineData(FlowFormat.Yaml)]
    [InlineData(FlowFormat.Xml)]
    public void Parse_NestingPastTheLimit_IsRefusedWithItsPlace(FlowFormat format)
    {
        // Arrange
        var text = format switch
        {
            FlowFormat.Json => "{\"root\": " + new string('[', 100_000),
            FlowFormat.Yaml => "root: " + new string('[', 100_000),
            _ => "<workflow>" + string.Concat(Enumerable.Repeat("<sequence>", 100_000))
        };

        // Act
        var result = Loader.Parse(text, format, "deep");

        // Assert
        var message = Assert.Single(result.Problems).Message;
        Assert.Contains("line 1", message);
        Assert.Contains(format == FlowFormat.Json ? "depth" : "nests deeper than 64 levels", message);
    }

    [Fact]
    public void Parse_DuplicateJsonKey_IsRefusedWithItsPlace()
    {
        // Act
        var result = Loader.Parse("{\"definitionId\": \"a\",\n \"definitionId\": \"b\"}", FlowFormat.Json, "dup.json");

        // Assert
        var message = Assert.Single(result.Problems).Message;
        Assert.Contains("dup.json is not valid JSON: line 2", message);
        Assert.Contains("definitionId", message);
    }

    [Fact]
    public void Parse_MoreActivitiesThanTheLimit_IsRefusedNamingTheFlow()
    {
        // Arrange
        var loader = new FlowLoader(new ActivityRegistry().RegisterAssembly(typeof(Flowchart).Assembly), new FlowLimits { MaxActivities = 100 });

        // Act
        var result = loader.Parse(LargeFlows.Chain(100, "big"), FlowFormat.Json, "big.json");

        // Assert
        var problem = Assert.Single(result.Problems);
        Assert.Equal("big", problem.DefinitionId);
        Assert.Contains("101 activities are more than a flow may have (100; setting ElsaFlow:Flows:MaxActivities", problem.Message);
    }

    [Fact]
    public void Parse_DocumentLongerThanTheLimit_IsRefusedBeforeReading()
    {
        // Arrange
        var loader = new FlowLoader(new ActivityRegistry(), new FlowLimits { MaxDocumentChars = 1_000 });

        // Act
        var result = loader.Parse(new string(' ', 1_001), FlowFormat.Json, "long.json");

        // Assert
        Assert.Contains("long.json has 1,001 characters; a flow may have at most 1,000", Assert.Single(result.Problems).Message);
    }
}
