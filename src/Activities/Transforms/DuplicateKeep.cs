namespace ElsaFlow.Activities.Transforms;

/// <summary>Which row of a group of duplicates Duplicate keeps, in the input's row order.</summary>
public enum DuplicateKeep
{
    First,
    Last
}
