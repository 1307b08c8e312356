namespace ElsaFlow.Engine.Expressions;

/// <summary>Creates one <see cref="ExpressionEngine"/> per running instance, all with the same sandbox limits.</summary>
public sealed class ExpressionEngineFactory(ExpressionOptions options) : IExpressionEngineFactory
{
    public ExpressionEngineFactory() : this(ExpressionOptions.Default) { }

    public IExpressionEngine Create() => new ExpressionEngine(options);
}
