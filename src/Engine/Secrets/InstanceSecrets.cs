using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ElsaFlow.Engine.Descriptors;
using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Engine.Secrets;

/// <summary>
/// The secret values of one instance: the values of its sensitive workflow inputs (see <see cref="SensitiveWorkflowInputs"/>)
/// and every secret of its parent, so a sub-flow that was handed <c>${token}</c> hides it even when the child's own
/// definition does not mark the input. Everything that shows an instance (API answers, live events, server logs, the
/// CLI) redacts through this set, together with the process's <see cref="KnownSecrets"/> (the named connections' passwords).
/// </summary>
public sealed class InstanceSecrets(IWorkflowStore store, ActivityRegistry registry, IDefinitionReader reader, KnownSecrets? known = null)
{
    private const int Capacity = 10_000;
    private const int MaxParents = 32;

    // An instance's inputs never change once it started, so neither does its set; an instance not yet stored is not cached.
    private readonly ConcurrentDictionary<string, SecretRedactor> _known = new(StringComparer.Ordinal);

    /// <summary>The instance's secrets; none for an instance that is not (or no longer) in the store.</summary>
    public async Task<SecretRedactor> ForAsync(string instanceId, CancellationToken ct = default) =>
        WithKnown(await FindAsync(instanceId, 0, ct) ?? SecretRedactor.None);

    /// <summary>The instance's secrets, or null while it is not in the store (an instance is observed before its first commit).</summary>
    public async Task<SecretRedactor?> FindAsync(string instanceId, CancellationToken ct = default) =>
        await FindAsync(instanceId, 0, ct) is { } own ? WithKnown(own) : null;

    // Not cached with the instance: a connection resolved later must still be hidden in what the instance shows.
    private SecretRedactor WithKnown(SecretRedactor own) => known is null ? own : own.With(known.Redactor);

    private async Task<SecretRedactor?> FindAsync(string instanceId, int depth, CancellationToken ct)
    {
        if (_known.TryGetValue(instanceId, out var known)) return known;
        if (await store.GetInstanceAsync(instanceId, ct) is not { } record) return null;
        var secrets = await OwnAsync(record, ct);
        if (record.ParentInstanceId is { } parent && depth < MaxParents)
            secrets = secrets.With(await FindAsync(parent, depth + 1, ct) ?? SecretRedactor.None);
        if (_known.Count >= Capacity) _known.Clear();
        _known[instanceId] = secrets;
        return secrets;
    }

    /// <summary>The names of the instance's own sensitive inputs (its definition decides).</summary>
    public async Task<IReadOnlySet<string>> SensitiveInputsAsync(InstanceRecord record, CancellationToken ct = default) =>
        await store.GetDefinitionAsync(record.DefinitionId, record.DefinitionVersion, ct) is { } stored
            ? SensitiveWorkflowInputs.Find(reader.FromJson(stored.Json, stored.SourcePath), registry)
            : new HashSet<string>();

    private async Task<SecretRedactor> OwnAsync(InstanceRecord record, CancellationToken ct)
    {
        var names = await SensitiveInputsAsync(record, ct);
        if (names.Count == 0) return SecretRedactor.None;
        return FromInputs(names, WorkflowStateSerializer.Deserialize(record.StateJson).Inputs);
    }

    /// <summary>The secrets among the given inputs, for a caller that starts an instance and shows it before it is stored (the CLI).</summary>
    public static SecretRedactor FromInputs(IReadOnlySet<string> sensitive, JsonObject inputs) =>
        new(sensitive.Select(name => Text(inputs[name])).OfType<string>());

    private static string? Text(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => value.ToJsonString()
    };
}
