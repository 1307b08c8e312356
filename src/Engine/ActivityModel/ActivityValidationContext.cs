using System.Text;
using System.Text.Json.Nodes;
using ElsaFlow.Engine.Expressions;
using ElsaFlow.Engine.Model;
using ElsaFlow.Engine.Validation;

namespace ElsaFlow.Engine.ActivityModel;

/// <summary>Lets an activity add its own checks on a node of a flow being validated.</summary>
public sealed class ActivityValidationContext(WorkflowDefinition definition, ActivityNode node, List<ValidationProblem> problems, ISqlSyntax? sql = null)
{
    public WorkflowDefinition Definition { get; } = definition;
    public ActivityNode Node { get; } = node;

    public JsonNode? Raw(string input) => Node.Inputs.TryGetValue(input, out var value) ? value : null;
    public bool Has(string input) => Node.Inputs.TryGetValue(input, out var value) && value is not null;

    public void Report(string field, string message) =>
        problems.Add(new ValidationProblem(Definition.DefinitionId, Node.Id, field, message));

    /// <summary>
    /// Checks a SQL expression the author wrote (plain text or a Sql expression: JavaScript and Liquid give their text
    /// only when they run) and reports what does not parse, placed in that text. <c>${name}</c> placeholders stand for
    /// values, so they are checked as one.
    /// </summary>
    public void CheckSqlExpression(string field, JsonNode? raw)
    {
        if (sql is not null && SqlText(raw) is { } text && sql.ExpressionProblem(text) is { } problem) Report(field, problem);
    }

    /// <summary>Checks a SELECT query as <see cref="CheckSqlExpression"/> checks an expression (its tables are known when it runs).</summary>
    public void CheckSqlQuery(string field, JsonNode? raw)
    {
        if (sql is not null && SqlText(raw) is { } text && sql.QueryProblem(text) is { } problem) Report(field, problem);
    }

    private static string? SqlText(JsonNode? raw)
    {
        var text = Expression.TryRead(raw, out var expression)
            ? expression.Type is ExpressionTypes.Sql or ExpressionTypes.Literal ? expression.Value : null
            : raw is JsonValue value && value.TryGetValue<string>(out var plain) ? plain : null;
        return string.IsNullOrWhiteSpace(text) ? null : WithoutPlaceholders(text);
    }

    // Each ${name} becomes NULL padded to the placeholder's length, so positions in the checked text are the author's.
    private static string WithoutPlaceholders(string text)
    {
        var start = text.IndexOf("${", StringComparison.Ordinal);
        if (start < 0) return text;
        var result = new StringBuilder(text);
        while (start >= 0)
        {
            var end = text.IndexOf('}', start + 2);
            if (end < 0) break;
            if (start == 0 || text[start - 1] != '$')
                for (var i = start; i <= end; i++) result[i] = i - start < 4 ? "NULL"[i - start] : ' ';
            start = text.IndexOf("${", end + 1, StringComparison.Ordinal);
        }
        return result.ToString();
    }
}
