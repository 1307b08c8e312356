namespace ElsaFlow.Activities.Transforms;

/// <summary>How DataJoin matches Left rows with Right rows.</summary>
public enum JoinType
{
    /// <summary>Matched pairs only.</summary>
    Inner,
    /// <summary>Every Left row, with Right values where they match.</summary>
    Left,
    /// <summary>Every Right row, with Left values where they match.</summary>
    Right,
    /// <summary>Every row of both sides.</summary>
    Full,
    /// <summary>Left rows that have a match (Left columns only).</summary>
    Semi,
    /// <summary>Left rows that have no match (Left columns only).</summary>
    Anti
}
