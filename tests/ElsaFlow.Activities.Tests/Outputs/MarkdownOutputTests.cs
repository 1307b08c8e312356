using System.Text;
using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ElsaFlow.Activities.Tests.Outputs;

public sealed class MarkdownOutputTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Fact]
    public async Task MarkdownOutput_MarkupInCells_ParsesBackToTheSameCells()
    {
        _data.WriteFile("odd.csv", """
            id,name,amount
            1,a|b,5
            2,*not bold* and _not italic_,9
            3,back\slash `code` [link](x) <b>,1
            4,"$x$ ~sub~ ^sup^ ==mark== ++ins++ {.cls} &amp; #1",2
            5,,3

            """);

        var result = await _data.RunAsync(OutputFlow.Chain("""{"id": "out", "type": "MarkdownOutput", "path": "out/report.md", "title": "Sales | Q1"}""", "odd.csv"));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var document = Markdown.Parse(File.ReadAllText(_data.PathOf("out/report.md")), new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());
        Assert.Equal("Sales | Q1", Text(document.Descendants<HeadingBlock>().Single().Inline));
        var table = document.Descendants<Table>().Single();
        var cells = table.OfType<TableRow>().Select(r => r.OfType<TableCell>().Select(Text).ToList()).ToList();
        Assert.Equal(
        [
            ["id", "name", "amount"],
            ["1", "a|b", "5"],
            ["2", "*not bold* and _not italic_", "9"],
            ["3", "back\\slash `code` [link](x) <b>", "1"],
            ["4", "$x$ ~sub~ ^sup^ ==mark== ++ins++ {.cls} &amp; #1", "2"],
            ["5", "", "3"]
        ], cells);
        Assert.Equal(5, (await _data.RowsAsync(result, "after")).Count);
    }

    [Fact]
    public async Task MarkdownOutput_Preview_WritesNothing()
    {
        _data.WriteFile("sales.csv", OutputFlow.Sales);

        var result = await _data.PreviewAsync(OutputFlow.Chain("""{"id": "out", "type": "MarkdownOutput", "path": "report.md"}"""), "out");

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.False(File.Exists(_data.PathOf("report.md")));
    }

    [Fact]
    public async Task MarkdownOutput_PathOutsideTheDataRoot_Faults()
    {
        _data.WriteFile("sales.csv", OutputFlow.Sales);

        var result = await _data.RunAsync(OutputFlow.Chain("""{"id": "out", "type": "MarkdownOutput", "path": "../report.md"}"""));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("out", result.FaultedActivityId);
        Assert.StartsWith("path: '../report.md' is outside the data roots", result.Error);
    }

    private static string Text(TableCell cell) => string.Concat(cell.OfType<ParagraphBlock>().Select(p => Text(p.Inline)));

    private static string Text(ContainerInline? inline)
    {
        var text = new StringBuilder();
        foreach (var node in inline?.Descendants<Inline>() ?? [])
            if (node is LiteralInline literal) text.Append(literal.Content.ToString());
            else if (node is CodeInline code) text.Append(code.Content);
        return text.ToString();
    }
}
