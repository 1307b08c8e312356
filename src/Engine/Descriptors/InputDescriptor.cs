using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ElsaFlow.Engine.Descriptors;

/// <summary>One input of an activity type: name, type, default and how the Studio should edit it.</summary>
public sealed record InputDescriptor
{
    public required string Name { get; init; }

    /// <summary>String, Integer, Number, Boolean, Duration, DateTime, Enum, List, Map, Object or Any.</summary>
    public required string Type { get; init; }
    public required string DisplayName { get; init; }
    public string Description { get; init; } = "";
    public JsonNode? Default { get; init; }
    public bool Required { get; init; }
    public bool Sensitive { get; init; }
    public string DefaultSyntax { get; init; } = "Literal";
    public string? UiHint { get; init; }
    public IReadOnlyList<string>? Options { get; init; }

    /// <summary>For lists: the type of each item.</summary>
    public string? ItemType { get; init; }

    /// <summary>For objects, and lists of objects: the fields of one item.</summary>
    public IReadOnlyList<InputDescriptor>? Fields { get; init; }

    /// <summary>An example value, for inputs whose shape is not obvious (objects, lists of objects).</summary>
    public JsonNode? Example { get; init; }

    public int Order { get; init; }

    [JsonIgnore] public Type ClrType { get; init; } = typeof(object);
    [JsonIgnore] public PropertyInfo? Property { get; init; }
}
