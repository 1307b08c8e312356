using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ElsaFlow.Server.Api;

/// <summary>
/// Reads request bodies bound as <see cref="JsonObject"/> (run inputs) through <see cref="JsonElement"/>, which honours
/// <see cref="JsonSerializerOptions.AllowDuplicateProperties"/>: a key given twice is a JsonException with its place (a 400
/// through the framework's BadHttpRequestException), where the built-in converter adds keys one by one and throws an
/// ArgumentException from inside JsonObject.
/// </summary>
internal sealed class StrictJsonObjectConverter : JsonConverter<JsonObject>
{
    public override JsonObject? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var element = JsonSerializer.Deserialize<JsonElement>(ref reader, options);
        ReadStrings(element);
        return element.ValueKind switch
        {
            JsonValueKind.Object => JsonObject.Create(element),
            JsonValueKind.Null => null,
            _ => throw new JsonException($"expected a JSON object, found {element.ValueKind.ToString().ToLowerInvariant()}")
        };
    }

    // The node reads its strings later, where text that is not valid Unicode (an escaped half surrogate pair) would fail a
    // flow mid-way: read each once here, while a failure is still the request's 400.
    private static void ReadStrings(JsonElement element)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String: element.GetString(); break;
                case JsonValueKind.Array: foreach (var item in element.EnumerateArray()) ReadStrings(item); break;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        _ = property.Name;
                        ReadStrings(property.Value);
                    }
                    break;
            }
        }
        catch (InvalidOperationException error)
        {
            throw new JsonException(error.Message, error);
        }
    }

    public override void Write(Utf8JsonWriter writer, JsonObject value, JsonSerializerOptions options) => value.WriteTo(writer, options);
}
