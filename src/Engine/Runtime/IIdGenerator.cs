namespace ElsaFlow.Engine.Runtime;

/// <summary>Makes globally unique ids for instances and bookmarks; injected so tests can make them predictable.</summary>
public interface IIdGenerator
{
    string NewId();
}

/// <summary>Random 16-hex-digit ids.</summary>
public sealed class RandomIdGenerator : IIdGenerator
{
    // The one place that may be random: ids must be unique across processes.
#pragma warning disable RS0030
    public string NewId() => Guid.NewGuid().ToString("n")[..16];
#pragma warning restore RS0030
}
