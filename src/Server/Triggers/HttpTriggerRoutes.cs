using System.Text.Json;
using System.Text.Json.Nodes;
using ElsaFlow.Activities.Http;
using ElsaFlow.Server.Workflows;

namespace ElsaFlow.Server.Triggers;

/// <summary>
/// The routes of the HttpEndpoint triggers of every published definition, rebuilt from the store when a publish state
/// changes here, and at least every few seconds (so a publish on another node is seen too).
/// </summary>
public sealed class HttpTriggerRoutes
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(3);
    private readonly WorkflowDefinitions _definitions;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _building = new(1, 1);
    private volatile IReadOnlyList<HttpTriggerRoute>? _routes;
    private DateTimeOffset _builtAt;

    public HttpTriggerRoutes(WorkflowDefinitions definitions, TimeProvider time)
    {
        _definitions = definitions;
        _time = time;
        definitions.PublishedChanged += () => _routes = null;
    }

    public async Task<IReadOnlyList<HttpTriggerRoute>> GetAsync(CancellationToken ct = default)
    {
        if (_routes is { } fresh && _time.GetUtcNow() - _builtAt < MaxAge) return fresh;
        await _building.WaitAsync(ct);
        try
        {
            if (_routes is { } built && _time.GetUtcNow() - _builtAt < MaxAge) return built;
            var routes = new List<HttpTriggerRoute>();
            foreach (var latest in await _definitions.Store.ListDefinitionsAsync(null, ct))
            {
                var published = latest.IsPublished ? latest : await _definitions.Store.GetPublishedDefinitionAsync(latest.DefinitionId, ct);
                if (published is null) continue;
                foreach (var node in _definitions.Read(published).AllActivities().Where(a => a.Type == HttpEndpoint.TypeName))
                    if (From(published.DefinitionId, published.Version, node) is { } route) routes.Add(route);
            }
            _builtAt = _time.GetUtcNow();
            _routes = routes;
            return routes;
        }
        finally
        {
            _building.Release();
        }
    }

    /// <summary>The routes whose template matches the path (any method), with the route values of the first.</summary>
    public async Task<(List<HttpTriggerRoute> Routes, RouteValueDictionary Values)> MatchAsync(string path, CancellationToken ct = default)
    {
        var matches = new List<HttpTriggerRoute>();
        RouteValueDictionary? first = null;
        foreach (var route in await GetAsync(ct))
        {
            var values = new RouteValueDictionary();
            if (!route.Matcher.TryMatch("/" + path.Trim('/'), values)) continue;
            matches.Add(route);
            first ??= values;
        }
        return (matches, first ?? []);
    }

    private static HttpTriggerRoute? From(string definitionId, int version, Engine.Model.ActivityNode node)
    {
        var inputs = new Dictionary<string, JsonNode?>(node.Inputs, StringComparer.OrdinalIgnoreCase);
        if (!inputs.TryGetValue("path", out var path) || path is not JsonValue p || p.GetValueKind() != JsonValueKind.String) return null;
        var methods = inputs.TryGetValue("methods", out var m) && m is JsonArray list
            ? list.Select(x => x?.ToString().ToUpperInvariant() ?? "").Where(x => x.Length > 0).ToHashSet()
            : new HashSet<string> { "GET" };
        var isPublic = inputs.TryGetValue("public", out var pub) && pub is JsonValue v && v.GetValueKind() == JsonValueKind.True;
        return new HttpTriggerRoute(definitionId, version, node.Id, p.GetValue<string>(), methods, isPublic);
    }
}
