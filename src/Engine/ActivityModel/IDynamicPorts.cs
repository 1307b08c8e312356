using ElsaFlow.Engine.Model;

namespace ElsaFlow.Engine.ActivityModel;

/// <summary>An activity whose outcome ports depend on its inputs (Switch cases, Fork branches).</summary>
public interface IDynamicPorts
{
    IEnumerable<string> GetOutcomes(ActivityNode node);
}
