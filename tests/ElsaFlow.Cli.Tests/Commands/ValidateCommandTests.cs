using ElsaFlow.Cli.Tests.Support;
using ElsaFlow.FlowCorpus;

namespace ElsaFlow.Cli.Tests.Commands;

/// <summary><c>elsaflow validate</c> as a process over hostile files: it answers every file and exits 0 or 2, never dies (134, 139).</summary>
public sealed class ValidateCommandTests : IDisposable
{
    private readonly CliWorkspace _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Validate_HostileCorpus_AnswersEveryFileAndExitsTwo()
    {
        // Arrange
        var files = HostileFlows.All(mutationsPerFile: 8, seed: 30)
            .Select((flow, i) => Write($"{i:0000}-{flow.Name}{flow.Extension}", flow.Text))
            .ToList();

        // Act
        var results = new List<(CliResult Result, List<string> Files)>();
        foreach (var batch in files.Chunk(150))
            results.Add((await _cli.RunAsync(["validate", .. batch]), batch.ToList()));

        // Assert
        foreach (var (result, batch) in results)
        {
            Assert.True(result.ExitCode == 2, result.ToString());
            foreach (var file in batch) Assert.Contains(file + ":", result.StdOut);
        }
    }

    /// <summary>Files hold bytes: half a surrogate pair becomes U+FFFD, as any editor would write it.</summary>
    private string Write(string name, string text)
    {
        var path = _cli.PathOf(name);
        File.WriteAllText(path, text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    [Theory]
    [InlineData("alias.yaml", "root: &a {id: r, type: Sequence, activities: [*a]}\n", "line 1, column 7: anchors (&a) are not allowed")]
    [InlineData("broken.yaml", "definitionId: y\nroot: {id: root\n", "is not valid YAML: line")]
    [InlineData("dup.json", "{\"definitionId\": \"a\",\n\"definitionId\": \"b\"}", "line 2, column 1: the key 'definitionId' appears twice")]
    public async Task ValidateAndRun_HostileFile_ExitTwoWithThePlace(string name, string text, string expected)
    {
        // Arrange
        var path = _cli.WriteFlow(name, text);

        // Act
        var validate = await _cli.RunAsync("validate", path);
        var run = await _cli.RunAsync("run", path);

        // Assert
        Assert.True(validate.ExitCode == 2, validate.ToString());
        Assert.Contains(expected, validate.StdOut);
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(expected, run.All);
    }

    [Fact]
    public async Task Validate_MoreActivitiesThanMaxActivities_ExitsTwoNamingTheFlowAndTheSetting()
    {
        // Arrange
        var path = _cli.WriteFlow("chain.json", LargeFlows.Chain(100, "chain"));

        // Act
        var refused = await _cli.RunAsync("validate", path, "--max-activities", "50");
        var allowed = await _cli.RunAsync("validate", path);

        // Assert
        Assert.True(refused.ExitCode == 2, refused.ToString());
        Assert.Contains("flow 'chain': 101 activities are more than a flow may have (50;", refused.StdOut);
        Assert.Contains("--max-activities", refused.StdOut);
        Assert.True(allowed.ExitCode == 0, allowed.ToString());
    }
}
