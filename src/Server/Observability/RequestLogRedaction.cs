using Microsoft.Extensions.Primitives;

namespace ElsaFlow.Server.Observability;

/// <summary>The query string as request logging shows it: access_token (the hub's API key) replaced by ***.</summary>
public static class RequestLogRedaction
{
    public const string Redacted = "***";
    public static readonly string[] SecretParameters = ["access_token"];

    public static string Query(QueryString query)
    {
        if (!query.HasValue) return "";
        var parsed = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query.Value);
        var parts = parsed.SelectMany(p => SecretParameters.Contains(p.Key, StringComparer.OrdinalIgnoreCase)
            ? [$"{p.Key}={Redacted}"]
            : p.Value.Select(v => $"{p.Key}={Uri.EscapeDataString(v ?? "")}"));
        return "?" + string.Join('&', parts);
    }
}
