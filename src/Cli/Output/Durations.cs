using System.Globalization;

namespace ElsaFlow.Cli.Output;

/// <summary>Short human durations for progress lines and tables: 12 ms, 3.4 s, 2 min 5 s.</summary>
public static class Durations
{
    public static string Format(TimeSpan duration) => duration.TotalMilliseconds switch
    {
        < 1000 => $"{duration.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms",
        < 60_000 => $"{duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s",
        _ => $"{(int)duration.TotalMinutes} min {duration.Seconds} s"
    };
}
