namespace ElsaFlow.Cli;

/// <summary>A failure the user can fix, reported as one line and an exit code instead of a stack trace.</summary>
public sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public static CliException Invalid(string message) => new(ExitCodes.InvalidInput, message);
}
