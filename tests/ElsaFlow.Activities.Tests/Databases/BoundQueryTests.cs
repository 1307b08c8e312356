using System.Text.Json.Nodes;
using ElsaFlow.Activities.Data;
using ElsaFlow.Activities.Databases;

namespace ElsaFlow.Activities.Tests.Databases;

public sealed class BoundQueryTests
{
    [Fact]
    public void Bind_Placeholders_BecomeParametersAndARepeatedNameIsOneParameter()
    {
        var query = BoundQuery.Bind("SELECT * FROM t WHERE a = ${x} OR b = ${y} OR c = ${x}", new JsonObject { ["x"] = "it's", ["y"] = 5 }, MySqlDialect.Instance);

        Assert.Equal("SELECT * FROM t WHERE a = @p0 OR b = @p1 OR c = @p0", query.Sql);
        Assert.Equal("it's:String|5:Int64", string.Join("|", query.Values.Select(v => $"{v}:{v!.GetType().Name}")));
    }

    [Fact]
    public void Bind_EscapedPlaceholderAndTextThatLooksLikeOne_StayText()
    {
        var query = BoundQuery.Bind("SELECT '$${x}' AS a, `c` FROM t -- note", new JsonObject(), PostgresDialect.Instance);

        Assert.Equal("SELECT '${x}' AS a, `c` FROM t -- note", query.Sql);
        Assert.Empty(query.Values);
    }

    [Theory]
    [InlineData("SELECT 1 WHERE a = '${x}'")]
    [InlineData("SELECT \"${x}\" FROM t")]
    [InlineData("SELECT 1 -- ${x}")]
    [InlineData("SELECT 1 /* ${x} */")]
    public void Bind_PlaceholderWhereNoValueCanStand_IsRefused(string sql)
    {
        var error = Assert.Throws<DataStepException>(() => BoundQuery.Bind(sql, new JsonObject { ["x"] = 1 }, MySqlDialect.Instance));

        Assert.StartsWith("query: placeholder '${x}' is inside a quoted string, quoted name or comment", error.Message);
    }

    [Fact]
    public void Bind_ObjectValue_IsRefusedNamingThePlaceholder()
    {
        var error = Assert.Throws<DataStepException>(() => BoundQuery.Bind("SELECT ${x}", new JsonObject { ["x"] = new JsonObject() }, MySqlDialect.Instance));

        Assert.Contains("placeholder '${x}' holds object data", error.Message);
    }

    [Fact]
    public void Split_Ranges_CoverEveryKeyOnce()
    {
        var ranges = SplitRange.Split(-7, 7500, 4);

        Assert.Equal(4, ranges.Count);
        Assert.Equal(-7, ranges[0].From);
        Assert.Equal(7500, ranges[^1].To);
        for (var i = 1; i < ranges.Count; i++) Assert.Equal(ranges[i - 1].To, ranges[i].From);
        Assert.Single(SplitRange.Split(5, 5, 4));
    }
}
