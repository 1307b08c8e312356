namespace ElsaFlow.Persistence.Retention;

/// <summary>
/// How long ended instances are kept. Finished and Cancelled instances are deleted <see cref="MaxAge"/> after they
/// ended. Faulted instances are deleted too, after <see cref="FaultedMaxAge"/> (the same age when not set), unless
/// <see cref="KeepFaulted"/> keeps them for a later look or retry. Running and Suspended instances are never deleted.
/// </summary>
public sealed record RetentionOptions
{
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromDays(30);

    public TimeSpan? FaultedMaxAge { get; init; }

    public bool KeepFaulted { get; init; }

    /// <summary>How many instances one query fetches; deletion goes on until none is left.</summary>
    public int BatchSize { get; init; } = 500;
}
