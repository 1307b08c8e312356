using System.Text.Json.Serialization;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Engine.Descriptors;

/// <summary>Everything known about an activity type: what the palette lists, what the property panel edits, what validation checks.</summary>
public sealed record ActivityDescriptor
{
    public required string Type { get; init; }
    public required string Category { get; init; }
    public required string DisplayName { get; init; }
    public required string Description { get; init; }

    /// <summary>"Control" activities steer the flow inside the orchestrator; "Code" activities do work behind the dispatcher.</summary>
    public required string Kind { get; init; }

    public required IReadOnlyList<InputDescriptor> Inputs { get; init; }
    public required IReadOnlyList<OutputDescriptor> Outputs { get; init; }
    public required IReadOnlyList<string> Outcomes { get; init; }
    public required IReadOnlyList<string> InputPorts { get; init; }

    /// <summary>True when further outcome ports come from the inputs (Switch cases, Fork branches).</summary>
    public bool DynamicOutcomes { get; init; }

    public JoinMode Join { get; init; }

    /// <summary>Runs on the node that runs the instance, never on a worker (see <see cref="ActivityModel.ActivityAttribute.RunsOnOwner"/>).</summary>
    public bool RunsOnOwner { get; init; }
    public bool IsContainer { get; init; }

    [JsonIgnore] public Type ClrType { get; init; } = typeof(object);

    public InputDescriptor? FindInput(string name) => Inputs.FirstOrDefault(i => i.Name == name);
}
