using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ElsaFlow.Engine.Expressions;

/// <summary>Reads and writes JSON values whatever CLR type backs them, keeping integers integral.</summary>
internal static class JsonValues
{
    // Readable text for people and SQL: "it's" rather than "it\u0027s". Never embedded in HTML.
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string ToJsonText(JsonNode node) => node.ToJsonString(Relaxed);

    // Largest double below which every integer is exact; beyond it a double has no integer meaning worth keeping.
    private const double MaxSafeInteger = 9007199254740991d;

    /// <summary>A JSON number from a double: integral values become long so they serialize as 5, not 5.0.</summary>
    public static JsonValue? FromDouble(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value)) return null;
        if (Math.Abs(value) <= MaxSafeInteger && value == Math.Floor(value) && !(value == 0 && double.IsNegative(value)))
            return JsonValue.Create((long)value);
        return JsonValue.Create(value);
    }

    /// <summary>The value of a JSON number; JsonValue.Create(5L) refuses GetValue&lt;double&gt;, so try the common backings.</summary>
    public static double ToDouble(JsonValue value)
    {
        if (value.TryGetValue<double>(out var d)) return d;
        if (value.TryGetValue<long>(out var l)) return l;
        if (value.TryGetValue<int>(out var i)) return i;
        if (value.TryGetValue<decimal>(out var m)) return (double)m;
        return double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>The text of a JSON string, also when it is backed by a CLR value such as a DateTime.</summary>
    public static string ToText(JsonValue value) =>
        value.TryGetValue<string>(out var s) ? s : JsonSerializer.Deserialize<string>(value.ToJsonString()) ?? "";

    /// <summary>A number as text the way JavaScript and SQL both read it.</summary>
    public static string Format(JsonValue value)
    {
        if (value.TryGetValue<long>(out var l)) return l.ToString(CultureInfo.InvariantCulture);
        if (value.TryGetValue<int>(out var i)) return i.ToString(CultureInfo.InvariantCulture);
        if (value.TryGetValue<decimal>(out var m)) return m.ToString(CultureInfo.InvariantCulture);
        return value.ToJsonString();
    }
}
