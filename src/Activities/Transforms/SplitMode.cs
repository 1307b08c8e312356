namespace ElsaFlow.Activities.Transforms;

/// <summary>Where SplitColumn puts the parts of a value.</summary>
public enum SplitMode
{
    /// <summary>One row per part, the other columns repeated.</summary>
    Rows,
    /// <summary>One column per part, in place of the split column.</summary>
    Columns
}
