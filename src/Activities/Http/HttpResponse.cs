using System.Text.Json;
using System.Text.Json.Nodes;
using ElsaFlow.Engine.ActivityModel;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaFlow.Activities.Http;

/// <summary>
/// Answers the request that started the flow (through <see cref="HttpEndpoint"/>) while it is still open. A string body is
/// sent as text, anything else as JSON. When no request is open (it timed out, or there is no server) the answer is logged.
/// </summary>
[Activity(Category = "Http", Description = "Answer the HTTP request that started the flow: status, headers and body", RunsOnOwner = true)]
public sealed class HttpResponse : CodeActivity
{
    [Input(Description = "HTTP status code")]
    public Input<int> StatusCode { get; init; } = new(200);

    [Input(Description = "Response headers")]
    public Input<Dictionary<string, string>> Headers { get; init; } = new([]);

    [Input(Description = "Body: text is sent as is, anything else as JSON", UiHint = "json")]
    public Input<JsonNode?> Body { get; init; } = new();

    [Input(Description = "Content type; defaults to text/plain for text and application/json otherwise")]
    public Input<string> ContentType { get; init; } = new("");

    public override ValueTask RunAsync(ActivityContext context)
    {
        var body = context.Get(Body);
        var text = body is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : body?.ToJsonString();
        var contentType = context.Get(ContentType) is { Length: > 0 } given ? given : body is JsonValue { } v && v.GetValueKind() == JsonValueKind.String ? "text/plain; charset=utf-8" : "application/json";
        var status = context.Get(StatusCode);
        var answer = new HttpAnswer(status, context.Get(Headers), text, contentType);
        var channel = context.Services.GetService<IHttpResponseChannel>();
        if (channel is not null && channel.TryRespond(context.InstanceId, answer)) context.Log($"answered {status}");
        else context.Log($"no open request to answer: {status} {text}", "Warning");
        return ValueTask.CompletedTask;
    }
}
