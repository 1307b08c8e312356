namespace ElsaFlow.Activities.Http;

/// <summary>A page could not be read for a reason that may pass (5xx, 408, 429, refused connection, timeout); `retry` re-runs the read.</summary>
public sealed class HttpReadException(string message, int? status, int page, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The HTTP status of the answer; null when no answer came.</summary>
    public int? Status { get; } = status;

    /// <summary>The page number (from 1, in request order) that failed.</summary>
    public int Page { get; } = page;
}
