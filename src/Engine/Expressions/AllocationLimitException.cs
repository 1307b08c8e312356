namespace ElsaFlow.Engine.Expressions;

/// <summary>A JavaScript evaluation asked for more memory in one step than the memory limit allows.</summary>
internal sealed class AllocationLimitException(string what) : Exception(what)
{
    /// <summary>A built-in that would make a string of <paramref name="bytes"/>; thrown before it is allocated.</summary>
    public static AllocationLimitException Before(string operation, double bytes) =>
        new($"{operation} would allocate {ExpressionLimits.Megabytes((long)Math.Min(bytes, long.MaxValue))}");

    /// <summary>An evaluation whose last statement took more than the limit (Jint only checks between statements).</summary>
    public static AllocationLimitException After(long bytes) => new($"allocated {ExpressionLimits.Megabytes(bytes)}");
}
