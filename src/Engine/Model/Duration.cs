using System.Globalization;

namespace ElsaFlow.Engine.Model;

/// <summary>Parses durations written as <c>[d.]hh:mm:ss[.fffffff]</c>, exactly: "48:00:00" and "90" are errors.</summary>
public static class Duration
{
    private static readonly string[] Formats = [@"hh\:mm\:ss", @"hh\:mm\:ss\.FFFFFFF", @"d\.hh\:mm\:ss", @"d\.hh\:mm\:ss\.FFFFFFF"];

    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var trimmed = text.Trim();
        // TimeSpan's exact formats still accept one-digit hours ("1:00:00"); the format asks for two.
        var clock = trimmed.Contains('.') && trimmed.IndexOf('.') < trimmed.IndexOf(':') ? trimmed[(trimmed.IndexOf('.') + 1)..] : trimmed;
        if (clock.Length < 8 || clock[2] != ':' || clock[5] != ':') return false;
        return TimeSpan.TryParseExact(trimmed, Formats, CultureInfo.InvariantCulture, out value);
    }

    public static TimeSpan Parse(string text, string what = "duration") =>
        TryParse(text, out var value) ? value
            : throw new FormatException($"'{text}' is not a valid {what}: write [d.]hh:mm:ss[.fffffff], for example 00:00:05 or 2.00:00:00");

    public static string Format(TimeSpan value) =>
        value.Days > 0 ? value.ToString(@"d\.hh\:mm\:ss\.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.')
                       : value.ToString(@"hh\:mm\:ss\.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.');
}
