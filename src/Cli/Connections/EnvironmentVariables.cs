using System.Text.RegularExpressions;

namespace ElsaFlow.Cli.Connections;

/// <summary>Expands <c>${NAME}</c> from the environment; <c>$${NAME}</c> stays a literal <c>${NAME}</c>.</summary>
public static partial class EnvironmentVariables
{
    /// <summary>The text with its variables expanded; the names of the variables that are not set, when any.</summary>
    public static string Expand(string text, out IReadOnlyList<string> missing)
    {
        var unset = new List<string>();
        var expanded = Variable().Replace(text, match =>
        {
            if (match.Groups["escaped"].Success) return match.Value[1..];
            var name = match.Groups["name"].Value;
            var value = Environment.GetEnvironmentVariable(name);
            if (value is null) unset.Add(name);
            return value ?? "";
        });
        missing = unset;
        return expanded;
    }

    [GeneratedRegex(@"(?<escaped>\$)?\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Variable();
}
