using System.Text;

namespace ElsaFlow.Benchmarks;

/// <summary>
/// Writes BENCHMARKS.md: one section per suite between markers, so running one suite replaces only its own section.
/// </summary>
internal static class MarkdownReport
{
    private const string Header = """
        # ElsaFlow benchmarks

        Written by `bench/ElsaFlow.Benchmarks` (a Stopwatch harness; Release build). Each suite rewrites only its own
        section below. Run every suite, or one:

        ```
        dotnet run -c Release --project bench/ElsaFlow.Benchmarks -- all
        dotnet run -c Release --project bench/ElsaFlow.Benchmarks -- engine
        dotnet run -c Release --project bench/ElsaFlow.Benchmarks -- store
        dotnet run -c Release --project bench/ElsaFlow.Benchmarks -- api     # the server over HTTP: dispatch flows/s, execute p50/p99; SQLite and MariaDB
        dotnet run -c Release --project bench/ElsaFlow.Benchmarks -- sql     # what the parser checks of user SQL cost
        dotnet run -c Release --project bench/ElsaFlow.Benchmarks -- flows   # validate/compile 1k/10k/60k-activity flows, execute long chains
        dotnet run -c Release --project bench/ElsaFlow.Benchmarks -- loop --policy OnSuspend   # 1a/1b only, printed, not written here
        ```

        Options: `--runs N` (timed runs per benchmark, median reported; default 5), `--seconds S` (store suite, per
        mode; default 5), `--flows N` and `--executes M` (api suite; default 500 and 300), `--out FILE` (default: BENCHMARKS.md at the repository root). Temporary databases go to a
        fresh folder under the system temp folder and are deleted afterwards. The benchmarks are not part of `dotnet test`.

        """;

    public static void Write(string path, string suite, string title, IReadOnlyList<BenchResult> results, string notes)
    {
        var existing = File.Exists(path) ? File.ReadAllText(path) : Header;
        var section = Section(suite, title, results, notes);
        var begin = $"<!-- suite:{suite} -->";
        var end = $"<!-- /suite:{suite} -->";
        var from = existing.IndexOf(begin, StringComparison.Ordinal);
        var to = existing.IndexOf(end, StringComparison.Ordinal);
        var text = from >= 0 && to > from
            ? existing[..from] + section + existing[(to + end.Length)..]
            : existing.TrimEnd() + Environment.NewLine + Environment.NewLine + section + Environment.NewLine;
        File.WriteAllText(path, text);
    }

    private static string Section(string suite, string title, IReadOnlyList<BenchResult> results, string notes)
    {
        var md = new StringBuilder();
        md.AppendLine($"<!-- suite:{suite} -->");
        md.AppendLine($"## {title} (`{suite}`)");
        md.AppendLine();
        md.AppendLine($"Machine: {Environment.ProcessorCount} cores ({Machine.Cpu}), {Machine.Os}, .NET {Environment.Version}; "
            + $"run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC. Command: `dotnet run -c Release --project bench/ElsaFlow.Benchmarks -- {suite}`.");
        md.AppendLine();
        foreach (var r in results)
        {
            md.AppendLine($"### {r.Name}");
            md.AppendLine();
            md.AppendLine("| | |");
            md.AppendLine("|---|---|");
            md.AppendLine($"| what | {r.What} |");
            md.AppendLine($"| how measured | {r.How} |");
            md.AppendLine($"| result | {r.Result} |");
            md.AppendLine($"| target | {r.Target} |");
            md.AppendLine($"| verdict | {r.Verdict} |");
            md.AppendLine();
        }
        if (notes.Length > 0) md.AppendLine(notes.TrimEnd()).AppendLine();
        md.Append($"<!-- /suite:{suite} -->");
        return md.ToString();
    }
}
