using System.Text.RegularExpressions;

namespace ElsaFlow.Activities.Connections;

/// <summary>
/// What a connection's name and kind may be. Names appear in URLs, flow files and file names, so they are plain: letters,
/// digits, '_', '-' and '.', starting with a letter or digit, never "..", at most <see cref="MaxNameLength"/> characters.
/// </summary>
public static partial class ConnectionNames
{
    public const int MaxNameLength = 100;
    public const int MaxKindLength = 40;

    /// <summary>Null when <paramref name="name"/> is a valid name, otherwise why not.</summary>
    public static string? NameProblem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "a connection needs a name";
        if (name.Length > MaxNameLength) return $"a connection name has at most {MaxNameLength} characters (this one has {name.Length})";
        if (!NamePattern().IsMatch(name) || name.Contains("..", StringComparison.Ordinal))
            return $"'{name}' is not a valid connection name: use letters, digits, '_', '-' and '.', starting with a letter or digit, without '..'";
        return null;
    }

    /// <summary>Null when <paramref name="kind"/> is a valid kind (lower case), otherwise why not.</summary>
    public static string? KindProblem(string? kind)
    {
        if (string.IsNullOrWhiteSpace(kind)) return "a connection needs a kind (mysql, postgres, doris, clickhouse, sqlserver, ...)";
        if (kind.Length > MaxKindLength || !KindPattern().IsMatch(kind))
            return $"'{Shorten(kind)}' is not a valid connection kind: lower-case letters, digits, '_' and '-', at most {MaxKindLength} characters";
        return null;
    }

    private static string Shorten(string text) => text.Length <= MaxKindLength ? text : text[..MaxKindLength] + "...";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex KindPattern();
}
