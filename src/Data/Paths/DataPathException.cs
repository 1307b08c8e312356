namespace ElsaFlow.Data.Paths;

/// <summary>A path a flow uses is empty, outside the data roots, or in a folder flows may not use.</summary>
public sealed class DataPathException(string field, string reason) : Exception($"{field}: {reason}")
{
    public string Field { get; } = field;

    /// <summary>Why the path was refused, without the field.</summary>
    public string Reason { get; } = reason;
}
