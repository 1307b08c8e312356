using System.Text.Json.Nodes;

namespace ElsaFlow.Engine.Secrets;

/// <summary>
/// Replaces every occurrence of an instance's secret values with <c>***</c> in text and JSON. Redacting the text, not a
/// marked field, is what keeps derived values hidden: <c>'Bearer ' + inputs.token</c>, a header recorded in an
/// activity's output, a log line or an error message that quotes the token all contain the token's text, wherever the
/// value travelled (variables, sub-flows, outputs) and whatever expression built it.
/// </summary>
public sealed class SecretRedactor
{
    public const string Mask = "***";

    /// <summary>
    /// Shorter values are not searched for inside text: replacing every "1" or "ab" would garble every answer while
    /// hiding nothing. Such an input is still masked where it is shown as an input.
    /// </summary>
    public const int MinLength = 4;

    public static SecretRedactor None { get; } = new([]);

    private readonly string[] _secrets;

    public SecretRedactor(IEnumerable<string> secrets)
    {
        // The URL-encoded form too: a token put into a query string is recorded escaped. Longest first, so a secret that
        // contains another is replaced whole.
        _secrets = secrets
            .Where(s => s.Length >= MinLength)
            .SelectMany(s => new[] { s, Uri.EscapeDataString(s) })
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)
            .ToArray();
    }

    public IReadOnlyList<string> Secrets => _secrets;

    public bool IsEmpty => _secrets.Length == 0;

    public SecretRedactor With(SecretRedactor other) =>
        other.IsEmpty ? this : IsEmpty ? other : new SecretRedactor(_secrets.Concat(other._secrets));

    public string Redact(string text)
    {
        foreach (var secret in _secrets)
            if (text.Contains(secret, StringComparison.Ordinal)) text = text.Replace(secret, Mask, StringComparison.Ordinal);
        return text;
    }

    public string? RedactOrNull(string? text) => text is null ? null : Redact(text);

    /// <summary>A redacted copy of <paramref name="node"/> (the same node when nothing is secret): every string value and property name.</summary>
    public JsonNode? Redact(JsonNode? node)
    {
        if (IsEmpty || node is null) return node;
        return node switch
        {
            JsonObject o => RedactObject(o),
            JsonArray a => new JsonArray(a.Select(item => Detached(Redact(item))).ToArray()),
            JsonValue v when v.TryGetValue<string>(out var s) => JsonValue.Create(Redact(s)),
            _ => node.DeepClone()
        };
    }

    public JsonObject? Redact(JsonObject? node) => node is null ? null : (JsonObject)Redact((JsonNode)node)!;

    private JsonObject RedactObject(JsonObject o)
    {
        var copy = new JsonObject();
        foreach (var (key, value) in o) copy[Redact(key)] = Detached(Redact(value));
        return copy;
    }

    private static JsonNode? Detached(JsonNode? node) => node?.Parent is null ? node : node.DeepClone();
}
