using ElsaFlow.Engine.Expressions;
using static ElsaFlow.Engine.Tests.Expressions.ScopeBuilder;

namespace ElsaFlow.Engine.Tests.Expressions;

public sealed class PlaceholderTests : IDisposable
{
    private readonly ExpressionEngine _engine = new();

    public void Dispose() => _engine.Dispose();

    [Fact]
    public void FillPlaceholders_SqlInjectionAttempt_StaysOneLiteral()
    {
        var scope = Scope(inputs: """{"name": "x'; DROP TABLE users; --"}""");

        var sql = _engine.FillPlaceholders("SELECT * FROM users WHERE name = ${name}", scope, sql: true, "query");

        Assert.Equal("SELECT * FROM users WHERE name = 'x''; DROP TABLE users; --'", sql);
    }

    [Fact]
    public void FillPlaceholders_SqlNegativeNumber_IsParenthesized()
    {
        var sql = _engine.FillPlaceholders("SELECT 1 -${n}", Scope(inputs: """{"n": -5}"""), sql: true, "query");

        Assert.Equal("SELECT 1 -(-5)", sql);
    }

    [Fact]
    public void FillPlaceholders_SqlObject_IsQuotedJsonText()
    {
        var sql = _engine.FillPlaceholders("${o}", Scope(variables: """{"o": {"a": "it's"}}"""), sql: true, "query");

        Assert.Equal("""'{"a":"it''s"}'""", sql);
    }

    [Fact]
    public void FillPlaceholders_NameInBoth_VariablesWin()
    {
        var scope = Scope(inputs: """{"n": "input"}""", variables: """{"n": "variable"}""");

        var text = _engine.FillPlaceholders("${n} ${inputs.n} ${variables.n}", scope, sql: false, "text");

        Assert.Equal("variable input variable", text);
    }

    [Fact]
    public void FillPlaceholders_DottedPath_WalksIntoObject()
    {
        var text = _engine.FillPlaceholders("${customer.address.city}", Scope(variables: """{"customer": {"address": {"city": "Oslo"}}}"""), sql: false, "text");

        Assert.Equal("Oslo", text);
    }

    [Fact]
    public void FillPlaceholders_TextModeNonString_WritesJson()
    {
        var text = _engine.FillPlaceholders("${list} ${flag} ${none}", Scope(inputs: """{"list": [1, "a"], "flag": false, "none": null}"""), sql: false, "text");

        Assert.Equal("""[1,"a"] false null""", text);
    }

    [Fact]
    public void FillPlaceholders_DoubleDollar_EscapesPlaceholder()
    {
        var text = _engine.FillPlaceholders("cost: $${price} is ${price}", Scope(inputs: """{"price": 3}"""), sql: false, "text");

        Assert.Equal("cost: ${price} is 3", text);
    }

    [Fact]
    public void FillPlaceholders_UnknownName_ThrowsNamingIt()
    {
        var error = Assert.Throws<ExpressionException>(() => _engine.FillPlaceholders("a ${missing} b", Scope(), sql: false, "text"));

        Assert.Equal("text: placeholder '${missing}': no variable or input named 'missing'", error.Message);
    }

    [Fact]
    public void FillPlaceholders_UnknownExplicitInput_ThrowsNamingIt()
    {
        var error = Assert.Throws<ExpressionException>(() => _engine.FillPlaceholders("${inputs.x}", Scope(variables: """{"x": 1}"""), sql: false, "text"));

        Assert.Equal("text: placeholder '${inputs.x}': no input named 'x'", error.Message);
    }

    [Fact]
    public void FillPlaceholders_Unclosed_Throws()
    {
        var error = Assert.Throws<ExpressionException>(() => _engine.FillPlaceholders("a ${name", Scope(), sql: false, "text"));

        Assert.Equal("text: placeholder '${name' has no closing '}'", error.Message);
    }
}
