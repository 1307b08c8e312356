using System.Reflection;
using System.Text.Json;
using ElsaFlow.Engine.ActivityModel;
using ElsaFlow.Engine.Model;

namespace ElsaFlow.Engine.Descriptors;

/// <summary>Builds an <see cref="ActivityDescriptor"/> from an activity class by reflection.</summary>
internal static class DescriptorBuilder
{
    public static ActivityDescriptor Build(Type type, Activity template)
    {
        var attribute = type.GetCustomAttribute<ActivityAttribute>()
            ?? throw new InvalidOperationException($"{type.FullName} has no [Activity] attribute");
        var typeName = attribute.Type ?? type.Name;
        var inputs = new List<InputDescriptor>();
        var outputs = new List<OutputDescriptor>();

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetValue(template) is IInput input)
            {
                var meta = property.GetCustomAttribute<InputAttribute>() ?? new InputAttribute();
                if (ActivityBehaviours.ReservedKeys.Contains(input.Name))
                    throw new InvalidOperationException(
                        $"Activity '{typeName}' declares input '{input.Name}', which is a reserved behaviour key ({string.Join(", ", ActivityBehaviours.ReservedKeys)})");
                inputs.Add(Describe(input.Name, input.ValueType, meta, input.DefaultValue, property));
            }
            else if (property.GetValue(template) is IOutput output)
            {
                var meta = property.GetCustomAttribute<OutputAttribute>();
                outputs.Add(new OutputDescriptor(output.Name, ValueConverter.FriendlyTypeName(output.ValueType), meta?.Description ?? ""));
            }
        }

        return new ActivityDescriptor
        {
            Type = typeName,
            Category = attribute.Category,
            DisplayName = attribute.DisplayName ?? typeName,
            Description = attribute.Description,
            Kind = template is ControlActivity ? "Control" : "Code",
            Inputs = inputs.OrderBy(i => i.Order).ToList(),
            Outputs = outputs,
            Outcomes = attribute.Outcomes,
            InputPorts = attribute.InputPorts,
            DynamicOutcomes = template is IDynamicPorts,
            Join = attribute.Join,
            RunsOnOwner = attribute.RunsOnOwner,
            IsContainer = typeName is "Flowchart" or "Sequence",
            ClrType = type
        };
    }

    public static string InputName(PropertyInfo property) =>
        property.GetCustomAttribute<InputAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    public static string OutputName(PropertyInfo property) =>
        property.GetCustomAttribute<OutputAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    private static InputDescriptor Describe(string name, Type clrType, InputAttribute meta, object? defaultValue, PropertyInfo? property)
    {
        var target = Nullable.GetUnderlyingType(clrType) ?? clrType;
        var itemType = ValueConverter.ListItemType(target);
        var fields = IsRecordLike(itemType ?? target) ? DescribeFields(itemType ?? target) : null;
        return new InputDescriptor
        {
            Name = name,
            Type = ValueConverter.FriendlyTypeName(target),
            DisplayName = meta.DisplayName ?? Humanize(name),
            Description = meta.Description,
            Default = IsEmptyDefault(defaultValue) ? null : ValueConverter.From(defaultValue),
            Required = meta.Required,
            Sensitive = meta.Sensitive,
            DefaultSyntax = meta.DefaultSyntax,
            UiHint = meta.UiHint ?? DefaultUiHint(target, meta),
            Options = meta.Options ?? (target.IsEnum ? Enum.GetNames(target) : null),
            ItemType = itemType is null ? null : ValueConverter.FriendlyTypeName(itemType),
            Fields = fields,
            Example = InputExamples.For(clrType, meta, fields),
            Order = meta.Order,
            ClrType = clrType,
            Property = property
        };
    }

    private static List<InputDescriptor> DescribeFields(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .Select(p => Describe(InputName(p), p.PropertyType, p.GetCustomAttribute<InputAttribute>() ?? new InputAttribute(), null, p))
            .ToList();

    private static bool IsRecordLike(Type type) =>
        type.IsClass && type != typeof(string) && !type.Namespace!.StartsWith("System", StringComparison.Ordinal);

    private static bool IsEmptyDefault(object? value) => value is null || value is string { Length: 0 };

    private static string? DefaultUiHint(Type type, InputAttribute meta) =>
        meta.DefaultSyntax is "JavaScript" ? "code:javascript"
        : meta.DefaultSyntax is "Sql" ? "code:sql"
        : type == typeof(bool) ? "checkbox"
        : type.IsEnum || meta.Options is not null ? "dropdown"
        : null;

    private static string Humanize(string name) =>
        string.Concat(name.Select((c, i) => i == 0 ? char.ToUpperInvariant(c).ToString() : char.IsUpper(c) ? " " + c : c.ToString()));
}
