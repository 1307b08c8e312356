namespace ElsaFlow.Activities.Http;

/// <summary>
/// A batch could not be delivered for a reason that may pass (a 5xx, 408 or 429 answer, a refused connection, a
/// timeout). The `retry` behaviour re-runs the writer, which skips the batches already delivered.
/// </summary>
public sealed class HttpWriteException(string message, int? status, int batch, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The HTTP status of the answer; null when no answer came.</summary>
    public int? Status { get; } = status;

    /// <summary>The batch number (from 1) that failed.</summary>
    public int Batch { get; } = batch;
}
