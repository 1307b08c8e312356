namespace ElsaFlow.Engine.ActivityModel;

/// <summary>Marks a class as an activity and carries the metadata its descriptor is generated from.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute : Attribute
{
    /// <summary>The type name used in flow files; defaults to the class name.</summary>
    public string? Type { get; set; }
    public string Category { get; set; } = "Other";
    public string? DisplayName { get; set; }
    public string Description { get; set; } = "";

    /// <summary>Outcome ports; dynamic ones come from <see cref="IDynamicPorts"/>.</summary>
    public string[] Outcomes { get; set; } = ["Done"];

    /// <summary>Input ports; most activities have only In.</summary>
    public string[] InputPorts { get; set; } = ["In"];

    /// <summary>How tokens from several inbound connections are combined.</summary>
    public JoinMode Join { get; set; } = JoinMode.None;

    /// <summary>
    /// The activity must run on the node that runs its instance, never on a worker: it needs something only that node
    /// holds (the open HTTP request HttpResponse answers). Control activities always run there.
    /// </summary>
    public bool RunsOnOwner { get; set; }
}

/// <summary>How an activity treats tokens arriving from several inbound connections.</summary>
public enum JoinMode
{
    /// <summary>Runs once per arriving live token.</summary>
    None,
    /// <summary>Waits for a token from every live inbound connection, then runs once.</summary>
    WaitAll,
    /// <summary>Runs on the first live token and ignores the rest of that wave.</summary>
    WaitAny
}
