namespace ElsaFlow.Engine.Expressions;

/// <summary>Sandbox limits for JavaScript expressions; one set per engine factory.</summary>
public sealed record ExpressionOptions
{
    /// <summary>Statements one evaluation may execute (0: no limit); stops runaway loops quickly without a timer.</summary>
    public int MaxStatements { get; init; } = 100_000;

    /// <summary>Wall-clock limit of one evaluation.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Bytes one evaluation may allocate.</summary>
    public long MemoryLimitBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Depth of nested JavaScript calls.</summary>
    public int MaxRecursionDepth { get; init; } = 256;

    public static ExpressionOptions Default { get; } = new();
}
