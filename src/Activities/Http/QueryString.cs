namespace ElsaFlow.Activities.Http;

/// <summary>Sets query parameters on a URL, replacing a parameter of the same name.</summary>
internal static class QueryString
{
    public static Uri With(Uri url, params (string Name, string Value)[] parameters)
    {
        var builder = new UriBuilder(url);
        var names = parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var kept = builder.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !names.Contains(Uri.UnescapeDataString(pair.Split('=')[0])));
        var added = parameters.Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value)}");
        builder.Query = string.Join("&", kept.Concat(added));
        return builder.Uri;
    }
}
