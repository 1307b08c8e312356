namespace ElsaFlow.Engine.ActivityModel;

/// <summary>Untyped view of an activity output.</summary>
public interface IOutput
{
    string Name { get; }
    Type ValueType { get; }
}

/// <summary>A typed, named activity output, written with <c>context.Set(output, value)</c>.</summary>
public sealed class Output<T> : IOutput
{
    public string Name { get; internal set; } = "";
    public Type ValueType => typeof(T);
}
