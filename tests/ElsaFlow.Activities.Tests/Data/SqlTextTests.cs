using System.Text.Json.Nodes;
using ElsaFlow.Data.Sql;

namespace ElsaFlow.Activities.Tests.Data;

public sealed class SqlTextTests
{
    [Fact]
    public void Literal_OfJsonNumbers_KeepsTheirKind()
    {
        Assert.Equal("42", SqlText.Literal(JsonValue.Create(42L)));
        Assert.Equal("42", SqlText.Literal(JsonNode.Parse("42")));
        Assert.Equal("2.5", SqlText.Literal(JsonValue.Create(2.5)));
        Assert.Equal("3", SqlText.Literal(JsonValue.Create(3.0)));
        Assert.Equal("-7", SqlText.Literal(JsonNode.Parse("-7")));
    }

    [Fact]
    public void Literal_OfText_QuotesAndEscapes()
    {
        Assert.Equal("'O''Brien'", SqlText.Literal(JsonValue.Create("O'Brien")));
        Assert.Equal("NULL", SqlText.Literal((JsonNode?)null));
        Assert.Equal("TRUE", SqlText.Literal(JsonValue.Create(true)));
        Assert.Equal("\"odd \"\"name\"\"\"", SqlText.Identifier("odd \"name\""));
    }
}
