namespace ElsaFlow.Engine.Model;

/// <summary>A wire from an outcome port of one activity to an input port of another.</summary>
public sealed record Connection(Endpoint Source, Endpoint Target)
{
    public override string ToString() => $"{Source} -> {Target}";
}

/// <summary>One end of a connection: an activity id and a port name.</summary>
public sealed record Endpoint(string Activity, string Port)
{
    public override string ToString() => $"{Activity}:{Port}";
}
