using System.Text.Json;
using System.Text.Json.Serialization;
using ElsaFlow.Engine.Runtime.State;

namespace ElsaFlow.Engine.Runtime;

/// <summary>Reads and writes the instance state document as compact JSON.</summary>
public static class WorkflowStateSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() }
    };

    public static string Serialize(WorkflowState state) => JsonSerializer.Serialize(state, Options);

    public static WorkflowState Deserialize(string json) =>
        JsonSerializer.Deserialize<WorkflowState>(json, Options) ?? throw new InvalidDataException("The instance state document is empty");
}
