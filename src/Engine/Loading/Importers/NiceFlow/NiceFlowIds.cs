using System.Text;

namespace ElsaFlow.Engine.Loading.Importers.NiceFlow;

/// <summary>
/// Node names become activity ids: ElsaFlow ids are <c>[A-Za-z_][A-Za-z0-9_]*</c>, NiceFlow names are anything
/// (<c>input-device</c>, Chinese). Each name gets one id, kept unique, and every reference is rewritten through this map.
/// </summary>
internal sealed class NiceFlowIds
{
    private readonly Dictionary<string, string> _byName = new(StringComparer.Ordinal);
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    public string Assign(string name)
    {
        if (_byName.TryGetValue(name, out var known)) return known;
        var id = Sanitise(name);
        for (var n = 2; !_taken.Add(id); n++) id = $"{Sanitise(name)}_{n}";
        _byName[name] = id;
        return id;
    }

    public string? Of(string name) => _byName.GetValueOrDefault(name);

    /// <summary>An id that no node has, for an extra activity an importer adds (a helper step).</summary>
    public string Extra(string basis)
    {
        var id = basis;
        for (var n = 2; !_taken.Add(id); n++) id = $"{basis}_{n}";
        return id;
    }

    internal static string Sanitise(string name)
    {
        var id = new StringBuilder();
        foreach (var c in name) id.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        if (id.Length == 0 || char.IsAsciiDigit(id[0])) id.Insert(0, '_');
        return id.ToString();
    }
}
