using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using ElsaFlow.Engine.ActivityModel;
using ElsaFlow.Engine.Descriptors;
using ElsaFlow.Engine.Expressions;
using ElsaFlow.Engine.Model;

namespace ElsaFlow.Engine.Loading;

/// <summary>
/// Turns the strings of untyped formats (XML) into the JSON types an activity's descriptor declares, so a flow read
/// from XML equals the same flow read from JSON. Text that does not parse is left alone for the validator to report.
/// </summary>
internal sealed class InputCoercion(ActivityRegistry registry)
{
    public JsonNode? Coerce(ActivityNode node, JsonNode? value, string input) =>
        registry.TryGet(node.Type, out var descriptor) && descriptor.FindInput(input) is { } declared ? To(value, declared.ClrType) : value;

    private static JsonNode? To(JsonNode? value, Type type)
    {
        if (value is null || Expression.TryRead(value, out _)) return value;
        type = Nullable.GetUnderlyingType(type) ?? type;
        return value switch
        {
            JsonValue scalar when scalar.TryGetValue<string>(out var text) => Scalar(text, type) ?? value,
            JsonArray list when ValueConverter.ListItemType(type) is { } itemType => new JsonArray(list.Select(i => To(i?.DeepClone(), itemType)).ToArray()),
            JsonObject map when ValueConverter.IsDictionary(type) => Entries(map, _ => type.GetGenericArguments()[1]),
            JsonObject record when IsRecord(type) => Entries(record, key => FieldType(type, key)),
            _ => value
        };
    }

    private static JsonNode? Scalar(string text, Type type)
    {
        if (type == typeof(bool)) return bool.TryParse(text.Trim(), out var flag) ? JsonValue.Create(flag) : null;
        if (type == typeof(int) || type == typeof(long) || type == typeof(short))
            return long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) ? JsonNode.Parse(whole.ToString(CultureInfo.InvariantCulture)) : null;
        if (type == typeof(double) || type == typeof(decimal) || type == typeof(float))
            return double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? JsonNode.Parse(text.Trim()) : null;
        return null;
    }

    private static JsonObject Entries(JsonObject source, Func<string, Type?> typeOf)
    {
        var result = new JsonObject();
        foreach (var (key, item) in source)
            result[key] = typeOf(key) is { } type ? To(item?.DeepClone(), type) : item?.DeepClone();
        return result;
    }

    private static bool IsRecord(Type type) => type.IsClass && type != typeof(string) && !type.Namespace!.StartsWith("System", StringComparison.Ordinal);

    private static Type? FieldType(Type type, string key) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => string.Equals(DescriptorBuilder.InputName(p), key, StringComparison.OrdinalIgnoreCase))?.PropertyType;
}
