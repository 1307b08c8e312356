using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ElsaFlow.Activities.Data;

namespace ElsaFlow.Activities.Http;

/// <summary>One HTTP exchange of the HTTP activities: a shared client, headers from the flow, and answers sorted into retryable or not.</summary>
internal static class HttpCall
{
    internal static readonly HttpClient Client = new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectTimeout = TimeSpan.FromSeconds(15)
    })
    {
        Timeout = TimeSpan.FromSeconds(100)
    };

    /// <summary>The URL of a flow, checked: absolute http or https.</summary>
    public static Uri CheckUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new DataStepException($"url: '{url}' is not an absolute http(s) URL");
        return uri;
    }

    public static HttpMethod CheckMethod(string method, string[] allowed)
    {
        var upper = method.Trim().ToUpperInvariant();
        if (!allowed.Contains(upper)) throw new DataStepException($"method: '{method}' is not supported here; use {string.Join(" or ", allowed)}");
        return new HttpMethod(upper);
    }

    public static HttpRequestMessage Request(HttpMethod method, Uri url, IReadOnlyDictionary<string, string>? headers, string? json)
    {
        var request = new HttpRequestMessage(method, url);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            if (request.Headers.TryAddWithoutValidation(name, value)) continue;
            if (request.Content is null) throw new DataStepException($"headers: '{name}' is a content header, but this request has no body");
            request.Content.Headers.Remove(name);
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(value);
            else request.Content.Headers.TryAddWithoutValidation(name, value);
        }
        return request;
    }

    /// <summary>Sends a request; a failure that may pass becomes <paramref name="retryable"/>'s exception, one that will not a <see cref="DataStepException"/>.</summary>
    public static async Task<string> SendAsync(HttpRequestMessage request, string what, Func<string, int?, Exception?, Exception> retryable, CancellationToken ct)
    {
        var target = $"{request.Method} {request.RequestUri}";
        HttpResponseMessage response;
        try
        {
            response = await Client.SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            throw retryable($"{what}: {target} failed: {e.Message}", null, e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw retryable($"{what}: {target} timed out after {Client.Timeout.TotalSeconds:0} s", null, e);
        }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode) return body;
            var answer = $"{what}: {target} answered {status} {response.ReasonPhrase}";
            if (status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
                throw retryable(answer, status, null);
            throw new DataStepException(body.Length == 0 ? answer : $"{answer}: {Excerpt(body)}");
        }
    }

    private static string Excerpt(string body)
    {
        var flat = body.ReplaceLineEndings(" ").Trim();
        return flat.Length > 300 ? flat[..297] + "..." : flat;
    }
}
