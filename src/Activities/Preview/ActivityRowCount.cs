namespace ElsaFlow.Activities.Preview;

/// <summary>How many rows a finished data activity produced; <see cref="Materialized"/> false means a view, counted on request.</summary>
public sealed record ActivityRowCount(string ActivityId, long RowCount, bool Materialized);
