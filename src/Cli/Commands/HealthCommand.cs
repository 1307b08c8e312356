using System.CommandLine;

namespace ElsaFlow.Cli.Commands;

/// <summary>
/// <c>elsaflow health URL</c>: asks a node's /health and exits 0 when it is healthy, 1 otherwise. For container health
/// checks: the runtime image has no curl, and this needs nothing but the CLI.
/// </summary>
public static class HealthCommand
{
    private static readonly Argument<string> Url = new("url") { Description = "The node's base address, e.g. http://localhost:8080" };

    private static readonly Option<int> Seconds = new("--timeout")
    {
        Description = "Seconds to wait for the answer",
        HelpName = "SECONDS",
        DefaultValueFactory = _ => 5
    };

    public static Command Create()
    {
        var command = new Command("health", "Check a node's /health: exit 0 when healthy, 1 when not (for container health checks)") { Url, Seconds };
        CommandActions.Set(command, CheckAsync);
        return command;
    }

    private static async Task<int> CheckAsync(ParseResult parse, CancellationToken ct)
    {
        if (!Uri.TryCreate(parse.GetValue(Url), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            throw CliException.Invalid($"'{parse.GetValue(Url)}' is not an http(s) address");
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(Seconds))) };
        try
        {
            using var response = await client.GetAsync(new Uri(url, "/health"), ct);
            Console.WriteLine($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            return response.IsSuccessStatusCode ? ExitCodes.Finished : ExitCodes.Faulted;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Console.Error.WriteLine($"unhealthy: {e.Message}");
            return ExitCodes.Faulted;
        }
    }
}
