namespace ElsaFlow.Activities.Preview;

/// <summary>How many rows a finished data activity produced, as the run's queries gave it; null is "not counted" (a view nothing counted for free).</summary>
public sealed record ActivityRowCount(string ActivityId, long? RowCount, bool Materialized);
