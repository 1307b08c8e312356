namespace ElsaFlow.Activities.Outputs;

/// <summary>How JsonOutput lays out rows: one JSON array, or one object per line (JSON Lines).</summary>
public enum JsonFormat
{
    Array,
    Lines
}
