namespace ElsaFlow.Engine.ActivityModel;

/// <summary>Marks an <see cref="Input{T}"/> property as an activity input and describes it for the palette and property panel.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class InputAttribute : Attribute
{
    public string? Name { get; set; }
    public string? DisplayName { get; set; }
    public string Description { get; set; } = "";
    public bool Required { get; set; }

    /// <summary>Secrets (passwords, tokens, connection strings) are shown as *** everywhere.</summary>
    public bool Sensitive { get; set; }

    /// <summary>How a plain string is read: Literal, or JavaScript/Sql when the input is code by nature (If's condition).</summary>
    public string DefaultSyntax { get; set; } = "Literal";

    /// <summary>Editor hint for the Studio: singleline, multiline, code, dropdown, checkbox, json...</summary>
    public string? UiHint { get; set; }

    /// <summary>Allowed values for a dropdown; enums get theirs automatically.</summary>
    public string[]? Options { get; set; }

    /// <summary>An example value as JSON text (for objects and lists of objects one is made from their fields when not given).</summary>
    public string? Example { get; set; }

    public int Order { get; set; }
}
