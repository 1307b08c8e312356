namespace ElsaFlow.Data.Paths;

/// <summary>A path a flow uses is empty, outside the data roots, or in a folder flows may not use.</summary>
public sealed class DataPathException(string field, string message) : Exception($"{field}: {message}")
{
    public string Field { get; } = field;
}
