using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ElsaFlow.Activities.Data;
using ElsaFlow.Engine.ActivityModel;
using ElsaFlow.Engine.Model;

namespace ElsaFlow.Activities.Http;

/// <summary>
/// Calls an HTTP endpoint and outputs <c>{status, headers, body}</c> (body parsed as JSON when it is JSON). Failures that
/// may pass (5xx, 408, 429, refused connections, timeouts) throw <see cref="HttpCallException"/> so the `retry` behaviour
/// sends the request again; other non-success answers fault unless <see cref="FailOnError"/> is off.
/// </summary>
[Activity(Category = "Http", Description = "Call an HTTP endpoint; the answer {status, headers, body} is the output")]
public sealed class HttpRequest : CodeActivity
{
    private static readonly string[] AllowedMethods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"];

    [Input(Description = "Absolute http(s) URL", Required = true)]
    public Input<string> Url { get; init; } = new("");

    [Input(Description = "HTTP method", Options = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"])]
    public Input<string> Method { get; init; } = new("GET");

    [Input(Description = "Request headers (Authorization, API keys...)", Sensitive = true)]
    public Input<Dictionary<string, string>> Headers { get; init; } = new([]);

    [Input(Description = "JSON body", UiHint = "json")]
    public Input<JsonNode?> Body { get; init; } = new();

    [Input(Description = "Fault on a 4xx answer (5xx always faults after the retries)", UiHint = "checkbox")]
    public Input<bool> FailOnError { get; init; } = new(true);

    public override async ValueTask RunAsync(ActivityContext context)
    {
        var url = HttpCall.CheckUrl(context.Get(Url));
        var method = HttpCall.CheckMethod(context.Get(Method), AllowedMethods);
        using var request = HttpCall.Request(method, url, context.Get(Headers), context.Get(Body)?.ToJsonString());
        var target = $"{method} {url}";
        HttpResponseMessage response;
        try
        {
            response = await HttpCall.Client.SendAsync(request, context.CancellationToken);
        }
        catch (System.Net.Http.HttpRequestException e)
        {
            throw new HttpCallException($"{target} failed: {e.Message}", null, e);
        }
        catch (TaskCanceledException e) when (!context.CancellationToken.IsCancellationRequested)
        {
            throw new HttpCallException($"{target} timed out", null, e);
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync(context.CancellationToken);
            if (status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
                throw new HttpCallException($"{target} answered {status} {response.ReasonPhrase}", status);
            if (!response.IsSuccessStatusCode && context.Get(FailOnError))
                throw new DataStepException($"{target} answered {status} {response.ReasonPhrase}");
            var headers = new JsonObject();
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers)) headers[name.ToLowerInvariant()] = string.Join(", ", values);
            context.Log($"{target} answered {status}");
            context.CompleteWith(Ports.Done, new JsonObject { ["status"] = status, ["headers"] = headers, ["body"] = ParseBody(text) });
        }
    }

    private static JsonNode? ParseBody(string text)
    {
        if (text.Length == 0) return null;
        try { return JsonNode.Parse(text); }
        catch (JsonException) { return JsonValue.Create(text); }
    }
}
