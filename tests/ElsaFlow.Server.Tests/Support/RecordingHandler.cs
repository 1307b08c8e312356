using System.Collections.Concurrent;
using System.Net;

namespace ElsaFlow.Server.Tests.Support;

/// <summary>Stands in for a webhook receiver: keeps each request's URL and body and answers 200.</summary>
public sealed class RecordingHandler : HttpMessageHandler
{
    public ConcurrentQueue<(Uri Url, string Body)> Requests { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue((request.RequestUri!, body));
        return new HttpResponseMessage(HttpStatusCode.OK);
    }
}
