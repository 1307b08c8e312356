namespace ElsaFlow.Engine.Expressions;

/// <summary>Sandbox limits for JavaScript and Liquid expressions; one set per engine factory.</summary>
public sealed record ExpressionOptions
{
    /// <summary>Statements one evaluation may execute (0: no limit); stops runaway loops quickly without a timer.</summary>
    public int MaxStatements { get; init; } = 100_000;

    /// <summary>
    /// Wall-clock limit of one evaluation, JavaScript or Liquid; a JavaScript regular expression match obeys it too. A
    /// backstop behind the step and size limits, which stop runaway code first: the clock also counts the first
    /// evaluation's JIT compilation and a busy machine's waits, which took a harmless template past 2 s under load.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Bytes one JavaScript evaluation may allocate; a single string, array or buffer larger than this is refused before it is made.</summary>
    public long MemoryLimitBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Elements one JavaScript array may hold.</summary>
    public uint MaxArrayLength { get; init; } = 1_000_000;

    /// <summary>Depth of nested JavaScript calls.</summary>
    public int MaxRecursionDepth { get; init; } = 256;

    /// <summary>Statements and loop iterations one Liquid render may execute; a range longer than this is refused before it is built.</summary>
    public int LiquidMaxSteps { get; init; } = 1_000_000;

    /// <summary>Characters one Liquid render may write, and that one assigned or captured Liquid value may hold.</summary>
    public int LiquidMaxOutputChars { get; init; } = 4_000_000;

    public static ExpressionOptions Default { get; } = new();
}
