namespace ElsaFlow.Engine.Secrets;

/// <summary>
/// Secrets the process holds apart from any instance's inputs: the connection strings and passwords of the named
/// connections it resolved. What an activity reports (its error, log lines, outputs) is redacted through them before it
/// leaves the executor, so the journal never records them, and everything shown redacts through them too
/// (<see cref="InstanceSecrets"/>). The set only grows: a password changed away from is still hidden in older records.
/// </summary>
public sealed class KnownSecrets
{
    private const int Capacity = 10_000;

    private readonly HashSet<string> _values = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private SecretRedactor _redactor = SecretRedactor.None;

    /// <summary>The redactor of every secret added so far.</summary>
    public SecretRedactor Redactor => Volatile.Read(ref _redactor);

    public void Add(IEnumerable<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        lock (_gate)
        {
            var added = false;
            foreach (var secret in secrets)
                if (secret.Length >= SecretRedactor.MinLength && _values.Count < Capacity) added |= _values.Add(secret);
            if (added) Volatile.Write(ref _redactor, new SecretRedactor(_values));
        }
    }
}
