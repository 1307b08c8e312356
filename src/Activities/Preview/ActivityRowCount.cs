namespace ElsaFlow.Activities.Preview;

/// <summary>How many rows a finished data activity produced; <see cref="Materialized"/> false means a view, whose count is null unless asked for.</summary>
public sealed record ActivityRowCount(string ActivityId, long? RowCount, bool Materialized);
