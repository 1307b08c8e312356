using System.Text.Json.Nodes;
using ElsaFlow.Engine.Loading.Importers.NiceFlow;

namespace ElsaFlow.Engine.Tests.Loading.Importers;

/// <summary>NiceFlow's ${} rules as the importer writes them: text stays native, rows and SQL become JavaScript, Python conditions translate.</summary>
public sealed class NiceFlowTextTests
{
    [Fact]
    public void Text_DeclaredName_StaysANativePlaceholder() =>
        Assert.Equal("data/${day}.csv", NiceFlowText.Text("data/${day}.csv").GetValue<string>());

    [Fact]
    public void Text_RowName_BecomesJavaScriptOverTheLoopRow()
    {
        var script = NiceFlowText.Text("hi ${row.name}")["expression"]!["value"]!.GetValue<string>();

        Assert.Equal("\"hi \" + String((row == null ? variables[\"row.name\"] : row[\"name\"]) ?? '')", script);
    }

    [Fact]
    public void Sql_Placeholder_IsRawTextBuiltByJavaScript()
    {
        var query = NiceFlowText.Sql("select * from ${db}.t where d >= '${from}'");

        Assert.Equal("JavaScript", query["expression"]!["type"]!.GetValue<string>());
        Assert.Equal("\"select * from \" + String((variables[\"db\"] ?? inputs[\"db\"]) ?? '') + \".t where d >= '\" + String((variables[\"from\"] ?? inputs[\"from\"]) ?? '') + \"'\"",
            query["expression"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void Sql_WithoutPlaceholders_StaysLiteralText() =>
        Assert.Equal("select 1", NiceFlowText.Sql("select 1").GetValue<string>());

    [Fact]
    public void Condition_PythonWords_TranslateOutsideQuotesOnly()
    {
        var script = NiceFlowText.Condition("${n} < 3 and not ${done} or x == 'and True'", out var untranslatable);

        Assert.Null(untranslatable);
        Assert.Equal("(variables[\"n\"] ?? inputs[\"n\"]) < 3 && ! (variables[\"done\"] ?? inputs[\"done\"]) || x == 'and True'", script);
    }

    [Theory]
    [InlineData("len(${x}) > 2", "len")]
    [InlineData("'a' in ${x}", "in")]
    [InlineData("df.shape[0] > 1", "df")]
    public void Condition_PythonOnly_IsReported(string decide, string expected)
    {
        NiceFlowText.Condition(decide, out var untranslatable);

        Assert.NotNull(untranslatable);
        Assert.StartsWith(expected, untranslatable);
    }

    [Fact]
    public void Number_WholePlaceholder_BecomesANumberAtRunTime() =>
        Assert.Equal("Number(String((variables[\"row\"] ?? inputs[\"row\"]) ?? ''))",
            NiceFlowText.Number(JsonValue.Create("${row}"))["expression"]!["value"]!.GetValue<string>());

    [Theory]
    [InlineData("input-device", "input_device")]
    [InlineData("1st", "_1st")]
    [InlineData("读取", "__")]
    public void Sanitise_NodeNames_BecomeValidIds(string name, string id) => Assert.Equal(id, NiceFlowIds.Sanitise(name));
}
