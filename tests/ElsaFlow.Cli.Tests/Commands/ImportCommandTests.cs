using System.Text.Json.Nodes;
using ElsaFlow.Cli.Tests.Support;

namespace ElsaFlow.Cli.Tests.Commands;

/// <summary><c>elsaflow import</c>: the mapping report a person can act on, the native file, and refusals with exit 2.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly CliWorkspace _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Import_NiceFlowFlow_PrintsEachNodeAndWarningAndWritesTheNativeFlow()
    {
        var flow = _cli.WriteFlow("nice.json", """
            {"flow": {"name": "demo", "param": {"file": "in.csv"}},
             "nodes": [{"id": "CsvInput", "name": "read-1", "properties": {"filename": "${file}", "file_encode": "gbk"}},
                       {"id": "Console", "name": "print", "properties": {"row": 5}}],
             "edges": [{"startId": "read-1", "endId": "print"}]}
            """);
        var output = _cli.PathOf("native.json");

        var result = await _cli.RunAsync("import", flow, "-o", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("NiceFlow flow, 2 mapped", result.StdOut);
        Assert.Contains("read-1 (CsvInput) -> CsvInput 'read_1'", result.StdOut);
        Assert.Contains("print (Console) -> ConsoleOutput 'print'", result.StdOut);
        Assert.Contains("1 warning", result.StdOut);
        Assert.Contains("property 'file_encode'", result.StdOut);
        var native = JsonNode.Parse(File.ReadAllText(output))!;
        Assert.Equal("nice", native["definitionId"]!.GetValue<string>());
        Assert.Equal("${file}", native["root"]!["activities"]![0]!["path"]!.GetValue<string>());
        Assert.Equal("in.csv", native["inputs"]![0]!["default"]!.GetValue<string>());
    }

    [Fact]
    public async Task Import_UnsupportedElsaType_ExitsTwoNamingTheActivity()
    {
        var flow = _cli.WriteFlow("elsa.json", """
            {"definitionId": "e", "root": {"id": "s", "type": "Elsa.Sequence", "activities": [{"id": "mail", "type": "Elsa.SendEmail"}]}}
            """);

        var result = await _cli.RunAsync("import", flow);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("activity 'mail', field 'type'", result.StdOut);
        Assert.Contains("Elsa.SendEmail", result.StdOut);
    }
}
