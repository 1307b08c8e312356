using System.Text.Json;
using System.Text.Json.Serialization;

namespace ElsaFlow.Cli.Output;

/// <summary>How --json output is written: camelCase, enums as names, indented for people reading it too.</summary>
public static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never
    };

    /// <summary>Writes one JSON document to stdout, bypassing Spectre so nothing is wrapped or styled.</summary>
    public static void Write<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Options));
}
