namespace ElsaFlow.Activities.Data;

/// <summary>A data step cannot do its work with what it was given (no input dataset, a missing column, a bad row).</summary>
public sealed class DataStepException(string message, Exception? inner = null) : Exception(message, inner);
