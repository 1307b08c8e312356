using System.Text;
using System.Text.Json.Nodes;
using ClosedXML.Excel;
using DuckDB.NET.Data;
using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Activities.Tests.Transforms;
using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Store;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ElsaFlow.Activities.Tests.Samples;

/// <summary>
/// Every data flow in workflows/etl/ loads, runs and does what its description says. The repository's workflows/
/// folder is copied into the harness's data root first, so the flows read workflows/data/... and write out/...
/// there, exactly as they do when run from the repository root, and nothing is written into the repository.
/// </summary>
public sealed class EtlSampleTests : IAsyncLifetime
{
    private static readonly string EtlFolder = Path.Combine(SampleFolder.Workflows, "etl");

    private readonly DataHarness _data = new();

    public Task InitializeAsync()
    {
        SampleFolder.CopyTo(_data.PathOf("workflows"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    /// <summary>Every flow file in workflows/etl/, by file name.</summary>
    private static readonly List<string> Files = SampleFolder.FlowsIn("etl");

    public static TheoryData<string> Flows => new(Files);

    [Fact]
    public void Samples_ShowEveryPluginFamily()
    {
        Assert.Equal(["analyse-sales.json", "clean-customers.json", "convert-sales.json", "read-gbk.json", "route-orders.json", "validate-orders.json"], Files);
    }

    [Theory]
    [MemberData(nameof(Flows))]
    public void Sample_LoadsWithoutProblems_IsNamedByItsFile_AndSaysWhatItShows(string file)
    {
        var loaded = _data.LoadFile(Path.Combine(EtlFolder, file));

        Assert.True(loaded.IsValid, string.Join(Environment.NewLine, loaded.Problems));
        Assert.Equal(Path.GetFileNameWithoutExtension(file), loaded.Definition!.DefinitionId);
        Assert.False(string.IsNullOrWhiteSpace(loaded.Definition.Description), $"{file} should say what it shows in its description");
    }

    [Theory]
    [MemberData(nameof(Flows))]
    public async Task Sample_RunsAsDescribed(string file)
    {
        var path = _data.PathOf(Path.Combine("workflows", "etl", file));
        var check = Path.GetFileNameWithoutExtension(file) switch
        {
            "clean-customers" => CleanCustomers(path),
            "convert-sales" => ConvertSales(path),
            "analyse-sales" => AnalyseSales(path),
            "validate-orders" => ValidateOrders(path),
            "route-orders" => RouteOrders(path),
            "read-gbk" => ReadGbk(path),
            var name => throw new Xunit.Sdk.XunitException(
                $"workflows/etl/{file} has no checks: add a case for '{name}' to {nameof(EtlSampleTests)}.{nameof(Sample_RunsAsDescribed)} that asserts its results")
        };
        await check;
    }

    private async Task CleanCustomers(string path)
    {
        var result = await _data.RunFileAsync(path);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        var rejected = await _data.RowsAsync(result, "rejects");
        var bad = Assert.Single(rejected);
        Assert.Equal(6L, bad["line"]!.GetValue<long>());
        Assert.Equal("4,dee park,dee.park@example.kr,01055512345,seoul,extra", bad["raw"]!.GetValue<string>());
        Assert.Equal("workflows/data/messy.csv", bad["file"]!.GetValue<string>());
        var rejectedFile = await File.ReadAllLinesAsync(_data.PathOf("out/customers-rejected.csv"));
        Assert.Equal("line,reason,raw,file", rejectedFile[0]);
        Assert.StartsWith("6,", rejectedFile[1]);
        Assert.Equal(2, rejectedFile.Length);

        string[] expected =
        [
            "1|Ann Lee|BERLIN|a******@example.com|138****5678",
            "2|Bob Stone|BOSTON|b********@example.com|139****4321",
            "3|cid moreau|LYON|c**@example.fr|061***5678",
            "5|eve adams|DENVER|e**@example.com|155****1111",
            "6|fay wong|SHANGHAI|f*******@example.cn|137****2222"
        ];
        var rows = await _data.RowsAsync(result, "sorted");
        Assert.Equal(["customer_id", "customer", "city", "email", "phone"], TransformFlow.Names(rows));
        Assert.Equal(expected, TransformFlow.Lines(rows));
        var written = (await File.ReadAllLinesAsync(_data.PathOf("out/customers-clean.csv"))).ToList();
        Assert.Equal(["customer_id,customer,city,email,phone", .. expected.Select(l => l.Replace('|', ','))], written);
    }

    private async Task ConvertSales(string path)
    {
        var result = await _data.RunFileAsync(path);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(30, (await _data.RowsAsync(result, "html")).Count);

        await using (var connection = new DuckDBConnection("Data Source=:memory:"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*), CAST(sum(amount) AS BIGINT), min(order_id), max(order_id), min(phone), typeof(any_value(date)) " +
                                  $"FROM read_parquet('{_data.PathOf("out/sales.parquet").Replace("'", "''")}')";
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal(30L, reader.GetInt64(0));
            Assert.Equal(3530L, reader.GetInt64(1));
            Assert.Equal(1001L, reader.GetInt64(2));
            Assert.Equal(1030L, reader.GetInt64(3));
            Assert.Equal("01055512345", reader.GetString(4)); // text: the leading zeros are kept
            Assert.Equal("DATE", reader.GetString(5));
        }

        using (var workbook = new XLWorkbook(_data.PathOf("out/sales.xlsx")))
        {
            var sheet = workbook.Worksheet("Sales");
            Assert.Equal("order_id", sheet.Cell(1, 1).GetString());
            Assert.Equal("phone", sheet.Cell(1, 9).GetString());
            Assert.Equal(31, sheet.LastRowUsed()!.RowNumber());
            Assert.Equal(1001, sheet.Cell(2, 1).GetDouble());
            Assert.Equal("Ann Lee", sheet.Cell(2, 6).GetString());
            Assert.Equal(120, sheet.Cell(2, 7).GetDouble());
            Assert.Equal(1030, sheet.Cell(31, 1).GetDouble());
        }

        var (heading, cells) = await MarkdownTableAsync("out/sales.md");
        Assert.Equal("Sales", heading);
        Assert.Equal(["order_id", "date", "region", "product", "customer_id", "customer", "amount", "email", "phone"], cells[0]);
        Assert.Equal(["1004", "2024-01-10", "APAC", "Gadget", "4", "Dee Park", "300", "dee.park@example.kr", "01055512345"], cells[4]);
        Assert.Equal(31, cells.Count);

        var html = await File.ReadAllTextAsync(_data.PathOf("out/sales.html"));
        Assert.Contains("<title>Sales 2024 Q1</title>", html);
        Assert.Contains("<td>Fay Wong</td>", html);
        Assert.Equal(31, html.Split("<tr>").Length - 1);
    }

    private async Task AnalyseSales(string path)
    {
        var result = await _data.RunFileAsync(path);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(25, (await _data.RowsAsync(result, "big")).Count);
        var derived = (await _data.RowsAsync(result, "derived")).Single(r => r["order_id"]!.GetValue<long>() == 1004);
        Assert.Equal(250.0, derived["net"]!.GetValue<double>());
        Assert.Equal("2024-01", derived["month"]!.GetValue<string>());

        var ranked = await _data.RowsAsync(result, "ranked");
        Assert.Equal(
        [
            "4|730|182.5|4|Dee Park|Online|Seoul",
            "1|720|144|5|Ann Lee|Retail|Berlin",
            "6|590|147.5|4|Fay Wong|Online|Shanghai",
            "3|565|141.25|4|Cid Moreau|Retail|Lyon",
            "5|470|94|5|Eve Adams|Wholesale|Denver",
            "2|285|95|3|Bob Stone|Wholesale|Boston"
        ], ranked.Select(r => string.Join("|", r["customer_id"], r["total"], r["average"], r["orders"], r["name"], r["segment"], r["city"])).ToList());

        var segments = await _data.RowsAsync(result, "segmentSorted");
        Assert.Equal(
        [
            "Online|2024-01|2|375", "Online|2024-02|3|455", "Online|2024-03|3|490",
            "Retail|2024-01|3|480", "Retail|2024-02|3|380", "Retail|2024-03|3|425",
            "Wholesale|2024-01|3|235", "Wholesale|2024-02|3|345", "Wholesale|2024-03|2|175"
        ], TransformFlow.Lines(segments));

        var (topHeading, top) = await MarkdownTableAsync("out/top-customers.md");
        Assert.Equal("Top customers", topHeading);
        Assert.Equal(["customer_id", "total", "average", "orders", "name", "segment", "city"], top[0]);
        Assert.Equal(["4", "730", "182.5", "4", "Dee Park", "Online", "Seoul"], top[1]);
        Assert.Equal(["2", "285", "95.0", "3", "Bob Stone", "Wholesale", "Boston"], top[^1]);
        var (segmentHeading, report) = await MarkdownTableAsync("out/segments.md");
        Assert.Equal("Revenue per segment and month", segmentHeading);
        Assert.Equal(["segment", "month", "orders", "revenue"], report[0]);
        Assert.Equal(["Wholesale", "2024-03", "2", "175"], report[^1]);
        Assert.Equal(10, report.Count);

        // The threshold is an input: a higher one leaves fewer orders.
        var strict = await _data.RunFileAsync(path, new JsonObject { ["minAmount"] = 200 });
        ResultAssert.Status(WorkflowStatus.Finished, strict);
        Assert.Equal(5, (await _data.RowsAsync(strict, "big")).Count);
    }

    private async Task ValidateOrders(string path)
    {
        var result = await _data.RunFileAsync(path);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal([5001L, 5002L, 5010L, 5011L, 5012L],
            (await _data.RowsAsync(result, "valid")).Select(r => r["order_id"]!.GetValue<long>()).ToList());
        Assert.Equal(
        [
            "5003|customer_id: not null",
            "5004|amount: range 0..10000",
            "5005|status: in [paid, shipped, refunded]",
            "5006|email: regex [^@ ]+@[^@ ]+\\.[a-z]+",
            "5007|order_id: unique",
            "5007|order_id: unique",
            "5009|amount: range 0..10000"
        ], (await _data.RowsAsync(result, "invalid")).Select(r => $"{r["order_id"]}|{r["error"]}").ToList());
        Assert.Contains("7 of 12 rows are invalid", await _data.LogsAsync(result, "check"));
        var invalidFile = await File.ReadAllLinesAsync(_data.PathOf("out/orders-invalid.csv"));
        Assert.Equal("order_id,customer_id,amount,status,email,ordered,error", invalidFile[0]);
        Assert.Equal(8, invalidFile.Length);
        Assert.Equal(6, (await File.ReadAllLinesAsync(_data.PathOf("out/orders-valid.csv"))).Length);

        // With a tighter limit the Checker faults instead of passing the rows on.
        var strict = await _data.RunFileAsync(path, new JsonObject { ["maxInvalid"] = "5" });
        ResultAssert.Status(WorkflowStatus.Faulted, strict);
        Assert.Equal("check", strict.FaultedActivityId);
        Assert.Equal("maxInvalid: 7 of 12 rows are invalid (58.33%), above the limit of 5", strict.Error);
    }

    private async Task RouteOrders(string path)
    {
        var result = await _data.RunFileAsync(path);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal([1004L, 1007L, 1013L, 1018L, 1027L], await OrderIds(result, "bigOrders"));
        Assert.Equal([1001L, 1009L, 1011L, 1016L, 1020L, 1022L, 1024L, 1025L, 1028L, 1029L], await OrderIds(result, "mediumOrders"));
        Assert.Equal(15, (await OrderIds(result, "smallOrders")).Count);
        Assert.Equal(6, (await File.ReadAllLinesAsync(_data.PathOf("out/orders-big.csv"))).Length);
        Assert.Equal(11, (await File.ReadAllLinesAsync(_data.PathOf("out/orders-medium.csv"))).Length);
        Assert.Equal(16, (await File.ReadAllLinesAsync(_data.PathOf("out/orders-small.csv"))).Length);

        Assert.Equal("APAC 1380, EU 1330, US 820", result.Variables["summary"]!.GetValue<string>());
        Assert.Contains("totals per region: APAC 1380, EU 1330, US 820", await _data.LogsAsync(result, "log"));
    }

    private async Task ReadGbk(string path)
    {
        var result = await _data.RunFileAsync(path);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["1|北京|王府井店|1200", "4|深圳|福田店|1105", "2|上海|南京路店|980", "3|广州|天河店|760"],
            TransformFlow.Lines(await _data.RowsAsync(result, "sorted")));
        Assert.Equal(["store_id,城市,店名,sales", "1,北京,王府井店,1200", "4,深圳,福田店,1105", "2,上海,南京路店,980", "3,广州,天河店,760"],
            await File.ReadAllLinesAsync(_data.PathOf("out/stores-utf8.csv"), Encoding.UTF8));
    }

    /// <summary>The heading and the table cells (header row first) of a Markdown file, parsed back with Markdig.</summary>
    private async Task<(string Heading, List<List<string>> Cells)> MarkdownTableAsync(string relativePath)
    {
        var document = Markdown.Parse(await File.ReadAllTextAsync(_data.PathOf(relativePath)), new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());
        var heading = Text(document.Descendants<HeadingBlock>().Single().Inline);
        var cells = document.Descendants<Table>().Single().OfType<TableRow>()
            .Select(r => r.OfType<TableCell>().Select(c => string.Concat(c.OfType<ParagraphBlock>().Select(p => Text(p.Inline)))).ToList()).ToList();
        return (heading, cells);
    }

    private static string Text(ContainerInline? inline)
    {
        var text = new StringBuilder();
        foreach (var node in inline?.Descendants<Inline>() ?? [])
            if (node is LiteralInline literal) text.Append(literal.Content.ToString());
            else if (node is CodeInline code) text.Append(code.Content);
        return text.ToString();
    }

    private async Task<List<long>> OrderIds(WorkflowRunResult result, string activityId) =>
        (await _data.RowsAsync(result, activityId)).Select(r => r["order_id"]!.GetValue<long>()).Order().ToList();
}
