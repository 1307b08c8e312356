using System.Text.Json.Nodes;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Engine.Descriptors;

/// <summary>
/// The example value of an input whose shape is not obvious (an object, a list of objects): the one its attribute gives,
/// else one made from its fields (the first option of a choice, a placeholder for text). Shown by the CLI and in the
/// problems of a value of the wrong shape.
/// </summary>
public static class InputExamples
{
    internal static JsonNode? For(Type clrType, InputAttribute meta, IReadOnlyList<InputDescriptor>? fields)
    {
        if (meta.Example is { } text) return JsonNode.Parse(text);
        if (fields is not { Count: > 0 }) return null;
        var target = Nullable.GetUnderlyingType(clrType) ?? clrType;
        return ValueConverter.ListItemType(target) is null ? Item(fields) : new JsonArray(Item(fields));
    }

    /// <summary>JSON on one line with a space after each colon and comma, as people write it.</summary>
    public static string Readable(JsonNode? node) => node switch
    {
        JsonObject o => "{" + string.Join(", ", o.Select(p => $"{JsonValue.Create(p.Key).ToJsonString()}: {Readable(p.Value)}")) + "}",
        JsonArray a => "[" + string.Join(", ", a.Select(Readable)) + "]",
        null => "null",
        _ => node.ToJsonString()
    };

    private static JsonObject Item(IReadOnlyList<InputDescriptor> fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Example?.DeepClone() ?? Scalar(f))));

    private static JsonNode? Scalar(InputDescriptor field) =>
        field.Options is { Count: > 0 } options ? JsonValue.Create(options[0])
        : field.Type switch
        {
            "Boolean" => JsonValue.Create(false),
            "Integer" or "Number" => JsonValue.Create(0),
            _ => JsonValue.Create("...")
        };
}
