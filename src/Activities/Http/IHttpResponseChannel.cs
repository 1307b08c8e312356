namespace ElsaFlow.Activities.Http;

/// <summary>
/// Where <see cref="HttpResponse"/> writes its answer: the host that keeps the triggering request open (the server)
/// registers one. Without it (the command line) the answer is only logged.
/// </summary>
public interface IHttpResponseChannel
{
    /// <summary>Answers the open request of the instance; false when none is open (it timed out, or the flow was not started by HTTP).</summary>
    bool TryRespond(string instanceId, HttpAnswer answer);
}
