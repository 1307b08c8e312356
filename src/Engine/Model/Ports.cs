namespace ElsaFlow.Engine.Model;

/// <summary>Port names the engine itself relies on.</summary>
public static class Ports
{
    public const string In = "In";
    public const string Done = "Done";
    public const string Error = "Error";
    public const string Iterate = "Iterate";
    public const string True = "True";
    public const string False = "False";
    public const string Default = "Default";

    /// <summary>Names a case or branch may not take.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal) { In, Done, Error };
}
