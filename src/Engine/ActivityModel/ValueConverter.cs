using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ElsaFlow.Engine.Model;

namespace ElsaFlow.Engine.ActivityModel;

/// <summary>Converts between JSON values (how inputs, tokens and variables travel) and typed CLR values.</summary>
public static class ValueConverter
{
    public static readonly JsonSerializerOptions Options = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new DurationJsonConverter());
        return options;
    }

    /// <summary>Converts a JSON value to <typeparamref name="T"/>; <paramref name="field"/> names the input in the error.</summary>
    public static T To<T>(JsonNode? node, string field) => (T)To(node, typeof(T), field)!;

    public static object? To(JsonNode? node, Type type, string field)
    {
        if (node is null) return type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type) : null;
        var target = Nullable.GetUnderlyingType(type) ?? type;
        try
        {
            if (target == typeof(JsonNode) || target == typeof(JsonObject) && node is JsonObject || target == typeof(JsonArray) && node is JsonArray)
                return node;
            if (target == typeof(string))
                return node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node.ToJsonString();
            if (target == typeof(object)) return ToPlain(node);
            if (target == typeof(TimeSpan) && node is JsonValue dv && dv.TryGetValue<string>(out var text))
                return Duration.Parse(text, $"duration for '{field}'");
            if (target == typeof(bool) && node is JsonValue bv && bv.TryGetValue<string>(out var bs))
                return bool.Parse(bs);
            // Conditions and counters are read on every loop iteration: skip the serializer for plain values.
            if (node is JsonValue plain && TryPlain(plain, target, out var fast)) return fast;
            return node.Deserialize(type, Options);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or OverflowException)
        {
            throw new InputConversionException(field, $"'{Shorten(node.ToJsonString())}' is not a valid {FriendlyTypeName(target)}");
        }
    }

    private static bool TryPlain(JsonValue value, Type target, out object? result)
    {
        result = null;
        switch (value.GetValueKind())
        {
            case JsonValueKind.True or JsonValueKind.False when target == typeof(bool):
                result = value.GetValue<bool>();
                return true;
            case JsonValueKind.Number when target == typeof(int) && value.TryGetValue<int>(out var i):
                result = i;
                return true;
            case JsonValueKind.Number when target == typeof(long) && value.TryGetValue<long>(out var l):
                result = l;
                return true;
            case JsonValueKind.Number when target == typeof(double) && value.TryGetValue<double>(out var d):
                result = d;
                return true;
            default:
                return false;
        }
    }

    public static JsonNode? From<T>(T value) => value switch
    {
        null => null,
        JsonNode node => node,
        TimeSpan span => JsonValue.Create(Duration.Format(span)),
        _ => JsonSerializer.SerializeToNode(value, value.GetType(), Options)
    };

    /// <summary>A JSON value as plain CLR values (string, double, bool, lists and dictionaries).</summary>
    public static object? ToPlain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(p => p.Key, p => ToPlain(p.Value)),
        JsonArray a => a.Select(ToPlain).ToList(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.TryGetValue<long>(out var l) ? l : v.GetValue<double>(),
        _ => null
    };

    /// <summary>True when a JSON value counts as true in a condition (JavaScript truthiness).</summary>
    public static bool IsTruthy(JsonNode? node) => node switch
    {
        null => false,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False or JsonValueKind.Null or JsonValueKind.Undefined => false,
            JsonValueKind.Number => v.GetValue<double>() is var d && d != 0 && !double.IsNaN(d),
            JsonValueKind.String => v.GetValue<string>().Length > 0,
            _ => true
        },
        _ => true
    };

    public static string FriendlyTypeName(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return "String";
        if (type == typeof(bool)) return "Boolean";
        if (type == typeof(int) || type == typeof(long) || type == typeof(short)) return "Integer";
        if (type == typeof(double) || type == typeof(decimal) || type == typeof(float)) return "Number";
        if (type == typeof(TimeSpan)) return "Duration";
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime)) return "DateTime";
        if (type.IsEnum) return "Enum";
        if (type == typeof(JsonNode) || type == typeof(object)) return "Any";
        if (type == typeof(JsonObject) || IsDictionary(type)) return "Map";
        if (type == typeof(JsonArray) || ListItemType(type) is not null) return "List";
        return "Object";
    }

    public static bool IsDictionary(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() is var d && (d == typeof(Dictionary<,>) || d == typeof(IDictionary<,>) || d == typeof(IReadOnlyDictionary<,>));

    public static Type? ListItemType(Type type)
    {
        if (type == typeof(string)) return null;
        if (type.IsArray) return type.GetElementType();
        if (type.IsGenericType && type.GetGenericTypeDefinition() is var d &&
            (d == typeof(List<>) || d == typeof(IList<>) || d == typeof(IReadOnlyList<>) || d == typeof(IEnumerable<>) || d == typeof(ICollection<>)))
            return type.GetGenericArguments()[0];
        return null;
    }

    private static string Shorten(string text) => text.Length > 60 ? text[..57] + "..." : text;

    private sealed class DurationJsonConverter : JsonConverter<TimeSpan>
    {
        public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Duration.Parse(reader.GetString() ?? "");

        public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Duration.Format(value));
    }
}

/// <summary>An input value that cannot be converted to the input's declared type.</summary>
public sealed class InputConversionException(string field, string message) : Exception($"{field}: {message}")
{
    public string Field { get; } = field;
    public string Problem { get; } = message;
}
