using ElsaFlow.Engine.ActivityModel;
using ElsaFlow.Engine.Descriptors;
using ElsaFlow.Engine.Model;

namespace ElsaFlow.Engine.Runtime.Graph;

/// <summary>An activity of a compiled workflow with everything the runtime needs at hand.</summary>
internal sealed class GraphNode(ActivityNode node, ActivityDescriptor descriptor, Activity activity, GraphNode? container)
{
    public ActivityNode Node { get; } = node;
    public string Id => Node.Id;
    public ActivityDescriptor Descriptor { get; } = descriptor;
    public Activity Activity { get; } = activity;
    public bool IsControl => Activity is ControlActivity;
    public GraphNode? Container { get; } = container;

    public List<GraphConnection> Inbound { get; } = [];
    public List<GraphConnection> Outbound { get; } = [];
    public int ForwardInboundCount { get; set; }
    public JoinMode Join { get; set; }

    /// <summary>Whether the result is read exactly once, by the next step, in the same run (<see cref="ReadOnceRule"/>).</summary>
    public bool ResultReadOnce { get; set; }

    /// <summary>For containers: the children that receive a token when the container runs.</summary>
    public List<GraphNode> StartChildren { get; } = [];

    /// <summary>For containers: every connection between their children, by index.</summary>
    public List<GraphConnection> Connections { get; } = [];
}
