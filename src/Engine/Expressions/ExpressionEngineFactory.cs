namespace ElsaFlow.Engine.Expressions;

/// <summary>
/// Creates one <see cref="ExpressionEngine"/> per running instance, all with the same sandbox limits. Their JavaScript
/// engines are pooled: an engine that ran only scripts which leave no trace serves the next instance.
/// </summary>
public sealed class ExpressionEngineFactory(ExpressionOptions options) : IExpressionEngineFactory
{
    private readonly JavaScriptEvaluatorPool _pool = new(options);

    public ExpressionEngineFactory() : this(ExpressionOptions.Default) { }

    /// <summary>JavaScript engines waiting for an instance.</summary>
    internal int IdleJavaScriptEngines => _pool.IdleCount;

    public IExpressionEngine Create() => new ExpressionEngine(options, _pool);
}
