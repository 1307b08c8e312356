using System.Collections.Concurrent;

namespace ElsaFlow.Engine.Expressions;

/// <summary>
/// JavaScript engines that ran only scripts which leave no trace (see <see cref="ScriptTraces"/>), kept for the next
/// instance: a Jint engine costs more to create than a short flow costs to run. One pool per set of limits.
/// </summary>
internal sealed class JavaScriptEvaluatorPool(ExpressionOptions options)
{
    // Enough for the instances that run at once on a few cores; more would only hold memory.
    private static readonly int Capacity = Math.Max(8, 4 * Environment.ProcessorCount);

    private readonly ConcurrentQueue<JavaScriptEvaluator> _idle = new();
    private int _count;

    public int IdleCount => Volatile.Read(ref _count);

    public JavaScriptEvaluator Rent()
    {
        if (_idle.TryDequeue(out var evaluator))
        {
            Interlocked.Decrement(ref _count);
            return evaluator;
        }
        return new JavaScriptEvaluator(options);
    }

    /// <summary>Keeps the evaluator when it is as good as new and there is room; disposes it otherwise.</summary>
    public void Return(JavaScriptEvaluator evaluator)
    {
        if (evaluator.Reusable && Interlocked.Increment(ref _count) <= Capacity)
        {
            evaluator.Unbind();
            _idle.Enqueue(evaluator);
            return;
        }
        if (evaluator.Reusable) Interlocked.Decrement(ref _count);
        evaluator.Dispose();
    }
}
