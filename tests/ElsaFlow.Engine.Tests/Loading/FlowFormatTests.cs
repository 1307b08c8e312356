using ElsaFlow.Engine.Loading;

namespace ElsaFlow.Engine.Tests.Loading;

public class FlowFormatTests
{
    [Theory]
    [InlineData("flows/a.json", FlowFormat.Json)]
    [InlineData("flows/a.JSON", FlowFormat.Json)]
    [InlineData("a.yaml", FlowFormat.Yaml)]
    [InlineData("a.yml", FlowFormat.Yaml)]
    [InlineData("/tmp/a.xml", FlowFormat.Xml)]
    public void FromPath_KnownExtension_PicksTheFormat(string path, FlowFormat expected)
    {
        // Act
        var format = FlowFormat.FromPath(path);

        // Assert
        Assert.Equal(expected, format);
    }

    [Fact]
    public void FromPath_UnknownExtension_Throws()
    {
        // Act
        var error = Assert.Throws<ArgumentException>(() => FlowFormat.FromPath("a.toml"));

        // Assert
        Assert.StartsWith("a.toml has no flow file extension: use .json, .yaml, .yml or .xml", error.Message);
    }
}
