namespace ElsaFlow.Activities.Http;

/// <summary>An <see cref="HttpRequest"/> call failed for a reason that may pass (5xx, 408, 429, refused connection, timeout); `retry` sends it again.</summary>
public sealed class HttpCallException(string message, int? status, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The HTTP status of the answer; null when no answer came.</summary>
    public int? Status { get; } = status;
}
