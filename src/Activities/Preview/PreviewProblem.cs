namespace ElsaFlow.Activities.Preview;

/// <summary>Why an activity's output cannot be previewed; the API maps these to status codes, the CLI to exit code 2.</summary>
public enum PreviewProblem
{
    /// <summary>No instance with that id in the store.</summary>
    UnknownInstance,

    /// <summary>The instance's flow has no activity with that id.</summary>
    UnknownActivity,

    /// <summary>The activity exists but has not finished in this instance (not reached, running, faulted, skipped).</summary>
    NotFinished,

    /// <summary>The activity finished, but its output is not a dataset (a control or code activity).</summary>
    NotADataset,

    /// <summary>The instance's workspace or the relation in it is gone (deleted, or replaced by a later run of a loop).</summary>
    Gone,

    /// <summary>The dataset is there but reading it fails: a view whose SQL fails on these rows (a cast that does not fit).</summary>
    Unreadable
}
