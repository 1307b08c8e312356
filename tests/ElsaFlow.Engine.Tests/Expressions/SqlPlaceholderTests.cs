using System.Text.Json.Nodes;
using ElsaFlow.Engine.Expressions;
using static ElsaFlow.Engine.Tests.Expressions.ScopeBuilder;

namespace ElsaFlow.Engine.Tests.Expressions;

/// <summary>Placeholders in SQL are data wherever the author puts them: bare, inside '...', inside E'...'; refused where they cannot be.</summary>
[Trait("Suite", "Security")]
public sealed class SqlPlaceholderTests : IDisposable
{
    private readonly ExpressionEngine _engine = new();

    public void Dispose() => _engine.Dispose();

    private string Fill(string sql, string value) =>
        _engine.FillPlaceholders(sql, Scope(inputs: new JsonObject { ["r"] = value }.ToJsonString()), sql: true, "condition");

    private ExpressionException Refused(string sql, string value = "x") => Assert.Throws<ExpressionException>(() => Fill(sql, value));

    public static TheoryData<string> Hostile => new()
    {
        "' OR 1=1 OR region='",
        "it's",
        "''",
        "\\' OR 1=1 --",
        "\\",
        "x' -- ",
        "x' /* ",
        "*/ OR 1=1 /*",
        "$$ OR 1=1 $$",
        "$tag$",
        "a\nb'\n--",
        "\"; DROP TABLE t; --",
        "${r}",
        "é'ü"
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Fill_QuotedPlaceholder_WritesTheValueAsTheStringsText(string value)
    {
        var sql = Fill("region = '${r}' AND x = 1", value);

        Assert.Equal($"region = '{value.Replace("'", "''")}' AND x = 1", sql);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Fill_BarePlaceholder_WritesOneQuotedLiteral(string value)
    {
        var sql = Fill("region = ${r} AND x = 1", value);

        Assert.Equal($"region = '{value.Replace("'", "''")}' AND x = 1", sql);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Fill_PlaceholderInEscapeString_DoublesQuotesAndBackslashes(string value)
    {
        var sql = Fill("region = E'${r}\\n' AND x = 1", value);

        Assert.Equal($"region = E'{value.Replace("'", "''").Replace("\\", "\\\\")}\\n' AND x = 1", sql);
    }

    [Fact]
    public void Fill_PlaceholderInsideLikePattern_StaysInsideTheString()
    {
        Assert.Equal("name LIKE '%O''Brien%'", Fill("name LIKE '%${r}%'", "O'Brien"));
    }

    [Fact]
    public void Fill_QuotesBeforeThePlaceholder_AreTrackedThroughDoubledQuotes()
    {
        // '' inside a string does not end it, so ${r} is still inside the string.
        Assert.Equal("note = 'it''s x''y'", Fill("note = 'it''s ${r}'", "x'y"));
    }

    [Fact]
    public void Fill_PlaceholderAfterAString_IsBare()
    {
        Assert.Equal("a = 'it''s' AND b = 'x''y'", Fill("a = 'it''s' AND b = ${r}", "x'y"));
    }

    [Fact]
    public void Fill_PlaceholderGluedToAName_IsSeparatedFromIt()
    {
        // E${r} would otherwise read as an E'...' string in which \' escapes the quote.
        Assert.Equal("SELECT E '\\'' OR 1=1 --'", Fill("SELECT E${r}", "\\' OR 1=1 --"));
    }

    [Fact]
    public void Fill_EEndingAName_DoesNotMakeAnEscapeString()
    {
        Assert.Equal("typE'a\\b'", Fill("typE'${r}'", "a\\b"));
    }

    [Fact]
    public void Fill_BackslashInAStandardString_IsAPlainCharacter()
    {
        // Standard strings have no backslash escapes: this reads as the text a\' OR 1=1, one string.
        Assert.Equal("type = 'a\\'' OR 1=1'", Fill("type = 'a\\${r}'", "' OR 1=1"));
    }

    [Fact]
    public void Fill_QuotesInsideCommentsAndDollarStrings_DoNotOpenAString()
    {
        Assert.Equal("a = 1 -- it's\nAND b = 'x''y'", Fill("a = 1 -- it's\nAND b = ${r}", "x'y"));
        Assert.Equal("a = 1 /* it's /* nested */ still */ AND b = 'x''y'", Fill("a = 1 /* it's /* nested */ still */ AND b = ${r}", "x'y"));
        Assert.Equal("a = $$it's$$ AND b = 'x''y'", Fill("a = $$it's$$ AND b = ${r}", "x'y"));
        Assert.Equal("a = $q$it's $$ $q$ AND b = 'x''y'", Fill("a = $q$it's $$ $q$ AND b = ${r}", "x'y"));
        Assert.Equal("\"it's\" = 'x''y'", Fill("\"it's\" = ${r}", "x'y"));
    }

    [Theory]
    [InlineData("\"${r}\" = 1", "inside a \"quoted name\"")]
    [InlineData("\"a\"\"${r}\" = 1", "inside a \"quoted name\"")]
    [InlineData("a = 1 -- ${r}", "inside a comment")]
    [InlineData("a = 1 /* ${r} */", "inside a comment")]
    [InlineData("a = $$${r}$$", "inside a $$dollar-quoted$$ string")]
    [InlineData("a = $t$${r}$t$", "inside a $$dollar-quoted$$ string")]
    public void Fill_PlaceholderWhereAValueCannotBeQuoted_IsRefusedShowingTheRightForm(string sql, string where)
    {
        var error = Refused(sql);

        Assert.Equal("condition", error.Field);
        Assert.Contains($"placeholder '${{r}}' is {where}", error.Message);
        Assert.Contains("region = ${r}", error.Message);
    }

    [Theory]
    [InlineData("a = ${r}")]
    [InlineData("a = '${r}'")]
    public void Fill_ValueWithNul_IsRefused(string sql)
    {
        Assert.Contains("holds a NUL character", Refused(sql, "a\0' OR 1=1").Message);
    }

    [Fact]
    public void Fill_DoubleDollarEscape_WritesALiteralPlaceholder()
    {
        Assert.Equal("a = '${r}' AND b = 'x'", Fill("a = '$${r}' AND b = ${r}", "x"));
    }

    [Fact]
    public void Fill_NumbersAndBooleansInQuotes_AreTheirText()
    {
        var scope = Scope(inputs: """{"n": -5, "ok": true, "none": null}""");

        var sql = _engine.FillPlaceholders("'${n}' ${n} '${ok}' ${ok} '${none}' ${none}", scope, sql: true, "query");

        Assert.Equal("'-5' (-5) 'true' TRUE 'null' NULL", sql);
    }
}
