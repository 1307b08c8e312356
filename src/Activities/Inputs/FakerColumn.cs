using System.Text.Json;
using System.Text.Json.Serialization;

namespace ElsaFlow.Activities.Inputs;

/// <summary>
/// A column of fake data: its name and the Python Faker method that fills it. In flow files either an object
/// <c>{"name": "birthday", "faker": "date_of_birth"}</c> or just the method name (<c>"city"</c>), which is then the column name too.
/// </summary>
[JsonConverter(typeof(FakerColumnConverter))]
public sealed class FakerColumn
{
    public string Name { get; set; } = "";
    public string Faker { get; set; } = "";
}

/// <summary>Reads a <see cref="FakerColumn"/> from a method name or a {name, faker} object.</summary>
internal sealed class FakerColumnConverter : JsonConverter<FakerColumn>
{
    public override FakerColumn Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var method = reader.GetString() ?? "";
            return new FakerColumn { Name = method, Faker = method };
        }
        using var document = JsonDocument.ParseValue(ref reader);
        if (document.RootElement.ValueKind != JsonValueKind.Object) throw new JsonException("a faker column is a method name or {name, faker}");
        string? Property(string name) => document.RootElement.EnumerateObject()
            .Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Select(p => p.Value.GetString()).FirstOrDefault();
        var faker = Property("faker") ?? "";
        return new FakerColumn { Name = Property("name") ?? faker, Faker = faker };
    }

    public override void Write(Utf8JsonWriter writer, FakerColumn value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("name", value.Name);
        writer.WriteString("faker", value.Faker);
        writer.WriteEndObject();
    }
}
