namespace ElsaFlow.Engine.ActivityModel;

/// <summary>Untyped view of an activity input, used by the registry and the runtime.</summary>
public interface IInput
{
    string Name { get; }
    Type ValueType { get; }
    object? DefaultValue { get; }
}

/// <summary>A typed activity input; its value comes from the flow file (literal or expression) and is read with <c>context.Get(input)</c>.</summary>
public sealed class Input<T> : IInput
{
    public Input() { }
    public Input(T defaultValue) => Default = defaultValue;

    public T? Default { get; }

    /// <summary>The input's name as written in flow files (camelCase); set by the registry.</summary>
    public string Name { get; internal set; } = "";

    public Type ValueType => typeof(T);
    object? IInput.DefaultValue => Default;
}
