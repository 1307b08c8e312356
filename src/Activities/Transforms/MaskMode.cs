namespace ElsaFlow.Activities.Transforms;

/// <summary>How Masking hides a column's values.</summary>
public enum MaskMode
{
    /// <summary>Replace the characters from startIndex, length of them, with the sign.</summary>
    Mask,
    /// <summary>Replace the value by its SHA-256 hex digest.</summary>
    Hash,
    /// <summary>Keep the first character of the local part and the domain: a***@example.com.</summary>
    Email,
    /// <summary>Keep the first 3 and the last 4 characters: 138****5678 (shorter values are fully masked).</summary>
    Phone
}
