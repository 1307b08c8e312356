using ElsaFlow.Activities.Tests.Support;

namespace ElsaFlow.Activities.Tests.Validation;

/// <summary>The SQL an author writes is checked when the flow is validated, with errors placed in the text they typed.</summary>
public sealed class SqlValidationTests : IAsyncDisposable
{
    private readonly DataHarness _data = new();

    public ValueTask DisposeAsync() => _data.DisposeAsync();

    private IReadOnlyList<string> Problems(string activity) => _data.Problems($$$"""
        {"definitionId": "checked", "inputs": [{"name": "minAmount", "type": "Number", "default": 50}],
         "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "read", "type": "CsvInput", "path": "sales.csv"},
           {{{activity}}}],
          "connections": [{"source": {"activity": "read", "port": "Done"}, "target": {"activity": "step", "port": "In"}}]}}
        """);

    [Fact]
    public void Validate_FilterConditionThatStopsShort_QuotesTheConditionNotTheGeneratedSql()
    {
        var problems = Problems("""{"id": "step", "type": "Filter", "condition": "amout >= 50 AND"}""");

        Assert.Equal(["flow 'checked', activity 'step', field 'condition': the expression stops before it is complete: \"amout >= 50 AND\" needs more after it"], problems);
    }

    [Fact]
    public void Validate_SyntaxErrorInsideAnExpression_NamesItsPlaceInTheText()
    {
        var problems = Problems("""{"id": "step", "type": "AddField", "fields": [{"name": "net", "expression": "amount / / 1.2"}]}""");

        var problem = Assert.Single(problems);
        Assert.Equal("flow 'checked', activity 'step', field 'fields[0].expression': syntax error at or near \"/\", at character 10: \"amount / / 1.2\"", problem);
    }

    [Fact]
    public void Validate_SyntaxErrorOnALaterLine_GivesLineAndColumn()
    {
        var problems = Problems("""{"id": "step", "type": "SQL", "query": "SELECT *\nFROM read\nWHERE x = = 1"}""");

        Assert.Equal(["flow 'checked', activity 'step', field 'query': syntax error at or near \"=\", at line 3, column 11: \"SELECT * FROM read WHERE x = = 1\""], problems);
    }

    [Fact]
    public void Validate_QueryThatIsNotASelect_IsAProblem()
    {
        var problems = Problems("""{"id": "step", "type": "SQL", "query": "SELECT 1; SELECT 2"}""");

        Assert.Equal(["flow 'checked', activity 'step', field 'query': give one SELECT query; this text holds 2 statements separated by ';'"], problems);
    }

    [Fact]
    public void Validate_PlaceholdersInASqlExpression_AreCheckedAsValues()
    {
        var problems = Problems("""{"id": "step", "type": "Filter", "condition": {"expression": {"type": "Sql", "value": "amount >= ${minAmount} AND region = '${region}'"}}}""");

        Assert.Empty(problems);
    }

    [Fact]
    public void Validate_JavaScriptCondition_IsLeftToRunTime()
    {
        var problems = Problems("""{"id": "step", "type": "Filter", "condition": {"expression": {"type": "JavaScript", "value": "'amount >' + ' AND'"}}}""");

        Assert.Empty(problems);
    }

    [Fact]
    public void Validate_SwitchSqlCaseThatDoesNotParse_IsAProblemOfThatCase()
    {
        var problems = Problems("""
            {"id": "step", "type": "Switch", "cases": [
              {"name": "big", "condition": {"expression": {"type": "Sql", "value": "amount > 100"}}},
              {"name": "odd", "condition": {"expression": {"type": "Sql", "value": "amount IN (1, 2"}}}]}
            """);

        var problem = Assert.Single(problems);
        Assert.StartsWith("flow 'checked', activity 'step', field 'cases[1].condition': ", problem);
    }

    [Fact]
    public void Validate_GroupFunctionMisspelt_IsAProblemWithTheChoices()
    {
        var problems = Problems("""{"id": "step", "type": "Group", "by": ["region"], "aggregations": [{"column": "amount", "function": "summ", "as": "total"}]}""");

        Assert.Equal(["flow 'checked', activity 'step', field 'aggregations[0].function': 'summ' is not one of sum, avg, min, max, count, count_distinct, first, last, string_agg; did you mean 'sum'?"],
            problems);
    }

    [Fact]
    public void Validate_GroupFunctionInAnyCase_IsAccepted()
    {
        Assert.Empty(Problems("""{"id": "step", "type": "Group", "aggregations": [{"column": "amount", "function": "SUM"}]}"""));
    }

    [Fact]
    public void Validate_JoinTypeNotAChoice_IsAProblem()
    {
        var problems = Problems("""{"id": "step", "type": "Join", "joinType": "outer", "on": [{"left": "id", "right": "id"}]}""");

        Assert.Equal(["flow 'checked', activity 'step', field 'joinType': 'outer' is not one of inner, left, right, full, semi, anti"], problems);
    }

    [Fact]
    public void Validate_AggregationsOfTheWrongShape_SayTheShapeExpected()
    {
        var problems = Problems("""{"id": "step", "type": "Group", "aggregations": {"amount": "sum"}}""");

        var problem = Assert.Single(problems);
        Assert.EndsWith("(expected a list like [{\"column\": \"amount\", \"function\": \"sum\", \"as\": \"total\"}, {\"function\": \"count\", \"as\": \"orders\"}])", problem);
        Assert.StartsWith("flow 'checked', activity 'step', field 'aggregations': ", problem);
    }
}
