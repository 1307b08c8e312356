using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Inputs;

public sealed class HtmlInputTests : IAsyncLifetime
{
    private const string Page = """
        <html><body>
          <table id="menu"><tr><td>home</td><td>about</td></tr></table>
          <div class="report main">
            <table>
              <thead><tr><th>城市</th><th>Population</th><th>Share &amp; rank</th></tr></thead>
              <tbody>
                <tr><td>北京</td><td>2189</td><td>1.5</td></tr>
                <tr><td> Shanghai </td><td>2487</td><td><table><tr><td>nested</td></tr></table>2</td></tr>
              </tbody>
            </table>
          </div>
        </body></html>
        """;

    private readonly DataHarness _data = new();

    public Task InitializeAsync()
    {
        _data.WriteFile("cities.html", Page);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    private static string Flow(string inputs) => $$$"""
        {"definitionId": "html", "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "read", "type": "HtmlInput", "path": "cities.html", {{{inputs}}}}]}}
        """;

    [Theory]
    [InlineData("\"table\": 1")]
    [InlineData("\"selector\": \"div.report table\"")]
    [InlineData("\"selector\": \"//div[@class='report main']\"")]
    public async Task HtmlInput_TableOfAPage_ReadsHeaderAndTypedCells(string which)
    {
        var result = await _data.RunAsync(Flow(which));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["城市:VARCHAR", "Population:BIGINT", "Share & rank:DOUBLE"],
            (await _data.DatasetAsync(result, "read")).Columns.Select(c => $"{c.Name}:{c.Type}"));
        var rows = await _data.RowsAsync(result, "read");
        Assert.Equal(["北京:2189:1.5", "Shanghai:2487:2"], rows.Select(r => $"{r["城市"]}:{r["Population"]}:{r["Share & rank"]}"));
    }

    [Fact]
    public async Task HtmlInput_TableIndexOutOfRange_FaultsNamingTheCount()
    {
        var result = await _data.RunAsync(Flow("\"table\": 5"));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("read", result.FaultedActivityId);
        Assert.Equal("table: 'cities.html' has 3 table(s); there is no table at position 5 (counting from 0)", result.Error);
    }

    [Fact]
    public async Task HtmlInput_SelectorMatchingNothing_FaultsNamingTheSelector()
    {
        var result = await _data.RunAsync(Flow("\"selector\": \"#prices\""));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("read", result.FaultedActivityId);
        Assert.Equal("selector: '#prices' matches nothing in 'cities.html'", result.Error);
    }
}
