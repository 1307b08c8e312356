namespace ElsaFlow.Activities.Outputs;

/// <summary>How a database output writes into its table.</summary>
public enum TableWriteMode
{
    /// <summary>Append the rows (the table is created when missing). Running twice appends twice.</summary>
    Insert,
    /// <summary>Replace the table with the rows.</summary>
    Overwrite,
    /// <summary>Insert new rows and update the rows whose keys already exist.</summary>
    Upsert,
    /// <summary>
    /// Make the table hold exactly the rows (by keys): upsert them, then delete the table's rows whose keys are not among
    /// them, in one transaction. Database server outputs only.
    /// </summary>
    Merge
}
