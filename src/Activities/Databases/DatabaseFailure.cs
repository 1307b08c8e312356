using System.Data.Common;
using System.Net.Sockets;
using ElsaFlow.Activities.Data;

namespace ElsaFlow.Activities.Databases;

/// <summary>
/// Turns what a client library throws into a step error that names the activity, the input and the connection, with the
/// server's reason. Secrets of the connection string are blanked out of that reason (a driver may echo its settings);
/// the inner exception is not kept, so nothing downstream can print its details. Every such error faults the step, so
/// the <c>retry</c> behaviour runs it again.
/// </summary>
internal static class DatabaseFailure
{
    public static bool IsDatabaseError(Exception e) =>
        e is DbException or SocketException or IOException or TimeoutException or InvalidOperationException or ArgumentException
            || e.InnerException is DbException or SocketException;

    public static DataStepException Wrap(Exception e, string activity, string doing, ConnectionSource source, DatabaseDialect dialect)
    {
        var reason = Scrub(e.Message, source, dialect);
        return new DataStepException($"{source.Field}: {activity} could not {doing} {source.Label}: {reason}");
    }

    private static string Scrub(string message, ConnectionSource source, DatabaseDialect dialect)
    {
        IEnumerable<string> secrets;
        try { secrets = dialect.Secrets(source.ConnectionString).Where(s => s.Length > 0).ToList(); }
        catch (ArgumentException) { secrets = []; }
        foreach (var secret in secrets) message = message.Replace(secret, "***", StringComparison.Ordinal);
        return message.Replace(source.ConnectionString, "***", StringComparison.Ordinal);
    }
}
