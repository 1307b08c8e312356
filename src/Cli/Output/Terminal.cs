using Spectre.Console;

namespace ElsaFlow.Cli.Output;

/// <summary>The consoles commands write to: stdout for results, stderr for progress when stdout must stay machine-readable.</summary>
public static class Terminal
{
    public static IAnsiConsole Out { get; } = Create(Console.Out);
    public static IAnsiConsole Error { get; } = Create(Console.Error);

    private static IAnsiConsole Create(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        // Redirected output (pipes, tests, CI logs) has no width; 80 columns would wrap ids and tables mid-value.
        if (Console.IsOutputRedirected || console.Profile.Width < 80) console.Profile.Width = 200;
        return console;
    }
}
