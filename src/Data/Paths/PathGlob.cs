using System.Text;
using System.Text.RegularExpressions;

namespace ElsaFlow.Data.Paths;

/// <summary>
/// Expands glob components below a folder: <c>*</c> and <c>?</c> within a name, <c>[abc]</c>/<c>[!a-c]</c> classes, and
/// <c>**</c> for any depth of folders. A <c>**</c> walk does not follow links to folders (so it cannot loop); a
/// component that names or matches a linked folder is followed, and what it finds is checked by the caller.
/// </summary>
internal static class PathGlob
{
    private static readonly RegexOptions Options = OperatingSystem.IsLinux() ? RegexOptions.CultureInvariant : RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

    public static bool IsGlob(string text) => text.IndexOfAny(['*', '?', '[']) >= 0;

    /// <summary>The files under <paramref name="folder"/> matching <paramref name="components"/>; folders <paramref name="skip"/> accepts are not searched.</summary>
    public static IEnumerable<string> Match(string folder, IReadOnlyList<string> components, Func<string, bool> skip)
    {
        if (components.Count == 0 || !Directory.Exists(folder) || skip(folder)) yield break;
        var component = components[0];
        var rest = components.Skip(1).ToList();
        if (component == "**")
        {
            foreach (var file in Match(folder, rest.Count == 0 ? ["*"] : rest, skip)) yield return file;
            foreach (var sub in Directory.EnumerateDirectories(folder).Where(d => new DirectoryInfo(d).LinkTarget is null))
                foreach (var file in Match(sub, components, skip)) yield return file;
            yield break;
        }
        var name = ToRegex(component);
        var entries = rest.Count == 0 ? Directory.EnumerateFiles(folder) : Directory.EnumerateDirectories(folder);
        foreach (var entry in entries.Where(e => name.IsMatch(Path.GetFileName(e))))
            if (rest.Count == 0) yield return entry;
            else foreach (var file in Match(entry, rest, skip)) yield return file;
    }

    /// <summary>One glob component as an anchored regular expression.</summary>
    internal static Regex ToRegex(string component)
    {
        var pattern = new StringBuilder("^");
        for (var i = 0; i < component.Length; i++)
        {
            var c = component[i];
            var close = c == '[' && i + 2 < component.Length ? component.IndexOf(']', i + 2) : -1;
            if (c == '*') pattern.Append(".*");
            else if (c == '?') pattern.Append('.');
            else if (close > 0 && component[(component[i + 1] == '!' ? i + 2 : i + 1)..close] is { Length: > 0 } members)
            {
                var negate = component[i + 1] == '!';
                pattern.Append('[').Append(negate ? "^" : "").Append(Regex.Escape(members).Replace("\\-", "-")).Append(']');
                i = close;
            }
            else pattern.Append(Regex.Escape(c.ToString()));
        }
        return new Regex(pattern.Append('$').ToString(), Options);
    }
}
