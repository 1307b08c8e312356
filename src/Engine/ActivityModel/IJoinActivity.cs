using ElsaFlow.Engine.Model;

namespace ElsaFlow.Engine.ActivityModel;

/// <summary>An activity whose join behaviour is chosen by an input (Join's mode).</summary>
public interface IJoinActivity
{
    JoinMode GetJoinMode(ActivityNode node);
}
