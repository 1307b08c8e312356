namespace ElsaFlow.Engine.ActivityModel;

/// <summary>Marks an <see cref="Output{T}"/> property as a named activity output (<c>outputs.id.name</c> in expressions).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OutputAttribute : Attribute
{
    public string? Name { get; set; }
    public string Description { get; set; } = "";
}
