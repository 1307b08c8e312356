using System.Text.RegularExpressions;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Http;

/// <summary>
/// Starts the flow when a request reaches <c>/workflows/{path}</c> on the server. Its token is the request:
/// <c>{method, path, query, headers, body, routeValues}</c>. Without <see cref="Public"/> the caller needs an operator key.
/// </summary>
[Activity(Category = "Http", Description = "Trigger: start the flow when a request reaches /workflows/{path}; the request is its output")]
public sealed partial class HttpEndpoint : ControlActivity
{
    public const string TypeName = nameof(HttpEndpoint);

    [Input(Description = "Route under /workflows/, like orders/{id}", Required = true)]
    public Input<string> Path { get; init; } = new("");

    [Input(Description = "HTTP methods answered, like [\"GET\", \"POST\"]")]
    public Input<List<string>> Methods { get; init; } = new(["GET"]);

    [Input(Description = "Answer without an API key (otherwise X-Api-Key with the operator role)", UiHint = "checkbox")]
    public Input<bool> Public { get; init; } = new(false);

    public override void Execute(ControlContext context) => context.Complete(token: context.Incoming);

    public override void Validate(ActivityValidationContext context)
    {
        if (context.Raw("path") is { } raw && raw.GetValueKind() == System.Text.Json.JsonValueKind.String && !RouteShape().IsMatch(raw.GetValue<string>()))
            context.Report("path", "write a route of letters, digits, '-', '_', '.' and {parameters} separated by '/', like orders/{id}");
    }

    [GeneratedRegex(@"^/?([A-Za-z0-9_.\-]+|\{[A-Za-z_][A-Za-z0-9_]*\})(/([A-Za-z0-9_.\-]+|\{[A-Za-z_][A-Za-z0-9_]*\}))*/?$")]
    private static partial Regex RouteShape();
}
