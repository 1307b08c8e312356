using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ElsaFlow.Engine.Loading;

/// <summary>The YAML 1.2 core schema for plain scalars: which texts are null, booleans, integers or floats.</summary>
internal static partial class YamlScalars
{
    /// <summary>The JSON value a plain (unquoted) scalar stands for.</summary>
    public static JsonNode? Resolve(string text)
    {
        if (text is "" or "~" or "null" or "Null" or "NULL") return null;
        if (text is "true" or "True" or "TRUE") return JsonValue.Create(true);
        if (text is "false" or "False" or "FALSE") return JsonValue.Create(false);
        if (Decimal().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            return Number(integer.ToString(CultureInfo.InvariantCulture));
        if (text.StartsWith("0o", StringComparison.Ordinal) && Octal().IsMatch(text))
            return Number(text[2..].Aggregate(BigInteger.Zero, (n, digit) => n * 8 + (digit - '0')).ToString(CultureInfo.InvariantCulture));
        if (text.StartsWith("0x", StringComparison.Ordinal) && Hex().IsMatch(text))
            // BigInteger keeps a value past Int64 exact (a leading 0 keeps the hex positive); it is then checked like any JSON number.
            return Number(BigInteger.Parse("0" + text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
        // .inf and .nan have no JSON form, so they stay text rather than turn into something else.
        if (Float().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
            return Number(real.ToString("R", CultureInfo.InvariantCulture));
        return JsonValue.Create(text);
    }

    // Numbers parsed from JSON text read back as any numeric type (TryGetValue<int> on a long-backed value fails).
    private static JsonNode Number(string json) => JsonNode.Parse(json)!;

    /// <summary>True when a string written plain would be read back as something else, so it must be quoted.</summary>
    public static bool NeedsQuotes(string text) =>
        Resolve(text) is not JsonValue v || !v.TryGetValue<string>(out _) || text.Trim() != text;

    [GeneratedRegex(@"^[-+]?[0-9]+$")] private static partial Regex Decimal();
    [GeneratedRegex(@"^0o[0-7]+$")] private static partial Regex Octal();
    [GeneratedRegex(@"^0x[0-9a-fA-F]+$")] private static partial Regex Hex();
    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")] private static partial Regex Float();
}
