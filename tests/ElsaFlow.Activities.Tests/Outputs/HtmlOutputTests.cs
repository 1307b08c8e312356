using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Outputs;

public sealed class HtmlOutputTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Fact]
    public async Task HtmlOutput_Rows_WritesASelfContainedPageWithEscapedCells()
    {
        _data.WriteFile("odd.csv", "id,name,amount\n1,<script>alert(1)</script>,5\n2,Tom & Jerry,9\n3,,1\n");

        var result = await _data.RunAsync(OutputFlow.Chain("""{"id": "out", "type": "HtmlOutput", "path": "out/report.html", "title": "Sales <Q1>"}""", "odd.csv"));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var html = File.ReadAllText(_data.PathOf("out/report.html"));
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<style>", html);
        Assert.Contains("<title>Sales &lt;Q1&gt;</title>", html);
        Assert.Contains("<th>id</th><th>name</th><th>amount</th>", html);
        Assert.Contains("<tr><td class=\"num\">1</td><td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td class=\"num\">5</td></tr>", html);
        Assert.Contains("<td>Tom &amp; Jerry</td>", html);
        Assert.Contains("<td class=\"null\"></td>", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("src=", html);
        Assert.Equal(3, (await _data.RowsAsync(result, "after")).Count);
    }

    [Fact]
    public async Task HtmlOutput_Preview_WritesNothing()
    {
        _data.WriteFile("sales.csv", OutputFlow.Sales);

        var result = await _data.PreviewAsync(OutputFlow.Chain("""{"id": "out", "type": "HtmlOutput", "path": "report.html"}"""), "out");

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.False(File.Exists(_data.PathOf("report.html")));
    }

    [Fact]
    public async Task HtmlOutput_PathOutsideTheDataRoot_Faults()
    {
        _data.WriteFile("sales.csv", OutputFlow.Sales);

        var result = await _data.RunAsync(OutputFlow.Chain("""{"id": "out", "type": "HtmlOutput", "path": "/etc/report.html"}"""));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("out", result.FaultedActivityId);
        Assert.StartsWith("path: '/etc/report.html' is outside the data roots", result.Error);
    }
}
