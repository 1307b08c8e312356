namespace ElsaFlow.Engine.Expressions;

/// <summary>Evaluates expressions for one running instance; holds one sandboxed JavaScript engine reused across evaluations.</summary>
public interface IExpressionEngine : IDisposable
{
    /// <summary>Evaluates an expression; throws <see cref="ExpressionException"/> naming <paramref name="field"/> on any error.</summary>
    System.Text.Json.Nodes.JsonNode? Evaluate(Expression expression, ExpressionScope scope, string field);

    /// <summary>Fills <c>${name}</c> placeholders from inputs and variables: as plain text, or as quoted SQL literals when <paramref name="sql"/>.</summary>
    string FillPlaceholders(string text, ExpressionScope scope, bool sql, string field);
}

/// <summary>Creates an <see cref="IExpressionEngine"/> per running instance.</summary>
public interface IExpressionEngineFactory
{
    IExpressionEngine Create();
}

/// <summary>An expression failed to parse or to evaluate.</summary>
public sealed class ExpressionException(string field, string message, Exception? inner = null) : Exception($"{field}: {message}", inner)
{
    public string Field { get; } = field;
    public string Problem { get; } = message;
}
