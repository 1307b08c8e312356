namespace ElsaFlow.Cli;

/// <summary>The exit codes of every elsaflow command, so scripts can tell outcomes apart.</summary>
public static class ExitCodes
{
    /// <summary>The instance finished (or the command did what was asked).</summary>
    public const int Finished = 0;

    /// <summary>The instance faulted, or the command failed for a reason that is not the caller's input.</summary>
    public const int Faulted = 1;

    /// <summary>The flow is invalid, the arguments are wrong, or the named instance or bookmark does not exist.</summary>
    public const int InvalidInput = 2;

    /// <summary>The instance waits on something from outside (Pause, Event, HTTP): resume it later.</summary>
    public const int Waiting = 3;

    /// <summary>The instance was cancelled.</summary>
    public const int Cancelled = 4;

    /// <summary>Someone else got there first: the bookmark was already resumed, or the instance already ended.</summary>
    public const int Conflict = 5;
}
