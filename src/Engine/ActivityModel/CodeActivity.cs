namespace ElsaFlow.Engine.ActivityModel;

/// <summary>
/// An activity that does work outside the orchestration loop (I/O, data, computation). It runs behind the
/// dispatcher, in process or on a worker, with its inputs already evaluated. It must be safe to run twice.
/// </summary>
public abstract class CodeActivity : Activity
{
    /// <summary>Called before <see cref="RunAsync"/> on every attempt.</summary>
    public virtual ValueTask InitAsync(ActivityContext context) => ValueTask.CompletedTask;

    /// <summary>Does the work. Without an explicit <c>context.Complete</c> the activity completes on Done with its incoming token.</summary>
    public abstract ValueTask RunAsync(ActivityContext context);

    /// <summary>Called after a successful run, before the result is reported.</summary>
    public virtual ValueTask OnSuccessAsync(ActivityContext context) => ValueTask.CompletedTask;

    /// <summary>Called when an attempt fails, before retry or error handling decides what happens next.</summary>
    public virtual ValueTask OnErrorAsync(ActivityContext context, Exception error) => ValueTask.CompletedTask;
}
