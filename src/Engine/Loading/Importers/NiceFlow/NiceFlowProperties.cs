using System.Text.Json.Nodes;

namespace ElsaFlow.Engine.Loading.Importers.NiceFlow;

/// <summary>
/// A node's properties read the way its plugin reads them: by one of the names NiceFlow accepted over time
/// (<c>filename</c>, <c>file_name</c>, <c>file_path</c>). Keys no mapping read are reported as ignored, as NiceFlow ignores them.
/// </summary>
internal sealed class NiceFlowProperties(JsonObject properties)
{
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public JsonNode? Get(params string[] names)
    {
        foreach (var name in names)
        {
            _read.Add(name);
            if (properties[name] is { } value) return value;
        }
        return null;
    }

    public bool Has(params string[] names) => names.Any(n => properties[n] is not null);

    public string? Text(params string[] names) => Get(names) switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        var other => other.ToJsonString()
    };

    public JsonArray List(params string[] names) => Get(names) as JsonArray ?? [];

    /// <summary>Marks keys as understood without mapping them (NiceFlow does not read them either).</summary>
    public void Ignore(params string[] names) => _read.UnionWith(names);

    public IEnumerable<string> Unread => properties.Select(p => p.Key).Where(k => !_read.Contains(k));
}
