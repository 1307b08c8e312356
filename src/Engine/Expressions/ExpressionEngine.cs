using System.Text.Json.Nodes;

namespace ElsaFlow.Engine.Expressions;

/// <summary>Evaluates the expressions of one running workflow instance; not thread-safe, like the loop that owns it.</summary>
public sealed class ExpressionEngine : IExpressionEngine
{
    private readonly ExpressionOptions _options;
    private readonly JavaScriptEvaluatorPool? _pool;
    private JavaScriptEvaluator? _javaScript;

    public ExpressionEngine() : this(ExpressionOptions.Default) { }

    public ExpressionEngine(ExpressionOptions options) : this(options, null) { }

    /// <summary>An engine whose JavaScript engine comes from <paramref name="pool"/> and goes back to it when disposed.</summary>
    internal ExpressionEngine(ExpressionOptions options, JavaScriptEvaluatorPool? pool)
    {
        _options = options;
        _pool = pool;
    }

    public JsonNode? Evaluate(Expression expression, ExpressionScope scope, string field) => expression.Type switch
    {
        ExpressionTypes.Literal => JsonValue.Create(Placeholders.Fill(expression.Value, scope, sql: false, field)),
        ExpressionTypes.JavaScript => JavaScript.Evaluate(expression.Value, scope, field),
        ExpressionTypes.Liquid => JsonValue.Create(LiquidEvaluator.Render(expression.Value, scope, field, _options)),
        ExpressionTypes.Variable => ReadVariable(expression.Value.Trim(), scope, field),
        ExpressionTypes.Sql => JsonValue.Create(Placeholders.Fill(expression.Value, scope, sql: true, field)),
        _ => throw new ExpressionException(field,
            $"unknown expression type '{expression.Type}'; known types: {string.Join(", ", ExpressionTypes.All.Order(StringComparer.Ordinal))}")
    };

    /// <inheritdoc/>
    /// <remarks>A bare <c>${name}</c> reads variables first, then inputs; <c>${variables.name}</c> or <c>${inputs.name}</c> choose one.</remarks>
    public string FillPlaceholders(string text, ExpressionScope scope, bool sql, string field) =>
        Placeholders.Fill(text, scope, sql, field);

    // Created on first use: many instances never run JavaScript, and a Jint engine costs tens of kilobytes.
    private JavaScriptEvaluator JavaScript => _javaScript ??= _pool?.Rent() ?? new JavaScriptEvaluator(_options);

    // A copy, so the caller may store the value elsewhere without detaching it from the variables.
    private static JsonNode? ReadVariable(string name, ExpressionScope scope, string field) =>
        scope.Variables.TryGetPropertyValue(name, out var value)
            ? value?.DeepClone()
            : throw new ExpressionException(field, $"no variable named '{name}'");

    public void Dispose()
    {
        if (_javaScript is null) return;
        if (_pool is not null) _pool.Return(_javaScript);
        else _javaScript.Dispose();
        _javaScript = null;
    }
}
