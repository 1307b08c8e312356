using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ElsaFlow.Engine.Store;
using ElsaFlow.Engine.Tests.Support;

namespace ElsaFlow.Engine.Tests.Samples;

/// <summary>The README's flow runs as written, and the README links only to files of this repository.</summary>
public sealed partial class ReadmeTests : IAsyncDisposable
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(Path.GetDirectoryName(SampleFiles.Folder)!, "README.md"));
    private readonly EngineHarness _engine = new();

    public ValueTask DisposeAsync() => _engine.DisposeAsync();

    [Fact]
    public async Task HelloExample_WithTheInputWho_GreetsIt()
    {
        var section = Readme[Readme.IndexOf("### A flow", StringComparison.Ordinal)..];
        var json = JsonBlock().Match(section).Groups[1].Value;

        var result = await _engine.RunAsync(json, new JsonObject { ["who"] = "Ada" });

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal("Hello, Ada!", result.Variables["greeting"]!.GetValue<string>());
    }

    [Fact]
    public void Links_StayInsideTheRepository()
    {
        var outside = MarkdownLink().Matches(Readme).Select(m => m.Groups[1].Value).Where(target => target.StartsWith("../", StringComparison.Ordinal)).ToList();

        Assert.Empty(outside);
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(SampleFiles.Folder)!, "docs", "ARCHITECTURE.md")));
    }

    [GeneratedRegex("```json\\n(.*?)\\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
