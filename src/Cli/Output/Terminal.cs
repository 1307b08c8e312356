using Spectre.Console;

namespace ElsaFlow.Cli.Output;

/// <summary>The consoles commands write to: stdout for results, stderr for progress when stdout must stay machine-readable.</summary>
public static class Terminal
{
    public static IAnsiConsole Out { get; } = Create(Console.Out, Console.IsOutputRedirected);
    public static IAnsiConsole Error { get; } = Create(Console.Error, Console.IsErrorRedirected);

    private static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        // Redirected output (pipes, tests, CI logs) has no width; 80 columns would wrap ids and tables mid-value.
        if (redirected || console.Profile.Width < 80) console.Profile.Width = 200;
        return console;
    }
}
