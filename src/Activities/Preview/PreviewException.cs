namespace ElsaFlow.Activities.Preview;

/// <summary>A preview the caller asked for that cannot be given; the message says why in the user's terms.</summary>
public sealed class PreviewException(PreviewProblem problem, string message) : Exception(message)
{
    public PreviewProblem Problem { get; } = problem;
}
