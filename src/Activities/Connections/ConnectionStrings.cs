using System.Data.Common;

namespace ElsaFlow.Activities.Connections;

/// <summary>
/// Reads connection strings without showing them: the secret values in one (to redact wherever they might travel) and
/// a form that is safe to show (host, database, user; every secret as ***). Both key=value;... strings and URLs
/// (scheme://user:password@host/db) are understood.
/// </summary>
public static class ConnectionStrings
{
    public const string Mask = "***";

    // A key is secret when its name contains one of these: Password, Pwd, User Password, SecretKey, AccessToken, ApiKey...
    private static readonly string[] SecretKeyParts = ["password", "pwd", "secret", "token", "key", "credential", "sas"];

    /// <summary>The values to redact: the whole string, each secret value and a URL's password (also as written, escaped).</summary>
    public static IReadOnlyList<string> Secrets(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var secrets = new List<string> { connectionString };
        if (TryParseUrl(connectionString, out var url))
        {
            var password = UrlPassword(url);
            if (password.Length > 0) secrets.AddRange([password, Uri.UnescapeDataString(password)]);
            return secrets;
        }
        if (TryParse(connectionString) is { } builder)
            foreach (string key in builder.Keys)
                if (IsSecretKey(key) && builder[key]?.ToString() is { Length: > 0 } value) secrets.Add(value);
        return secrets;
    }

    /// <summary>
    /// The string with every secret value as ***: key=value pairs keep their keys, a URL keeps its user and host. A
    /// string that cannot be read at all shows as *** whole.
    /// </summary>
    public static string Redact(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        if (TryParseUrl(connectionString, out var url))
        {
            var password = UrlPassword(url);
            return password.Length == 0 ? connectionString : connectionString.Replace(":" + password + "@", ":" + Mask + "@", StringComparison.Ordinal);
        }
        if (TryParse(connectionString) is not { } builder) return Mask;
        var shown = new DbConnectionStringBuilder();
        foreach (string key in builder.Keys)
            shown[key] = IsSecretKey(key) ? Mask : builder[key];
        return shown.ConnectionString;
    }

    private static bool IsSecretKey(string key)
    {
        var plain = key.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        return SecretKeyParts.Any(part => plain.Contains(part, StringComparison.Ordinal));
    }

    private static DbConnectionStringBuilder? TryParse(string connectionString)
    {
        try
        {
            return new DbConnectionStringBuilder { ConnectionString = connectionString };
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool TryParseUrl(string text, out Uri url) =>
        Uri.TryCreate(text, UriKind.Absolute, out url!) && text.Contains("://", StringComparison.Ordinal);

    private static string UrlPassword(Uri url)
    {
        var separator = url.UserInfo.IndexOf(':', StringComparison.Ordinal);
        return separator < 0 ? "" : url.UserInfo[(separator + 1)..];
    }
}
