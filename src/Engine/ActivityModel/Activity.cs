namespace ElsaFlow.Engine.ActivityModel;

/// <summary>Base of every activity. Instances are templates shared by all executions: they hold no run state.</summary>
public abstract class Activity
{
    /// <summary>Checks that go beyond input types (for example "duration or until, not both"); report every problem.</summary>
    public virtual void Validate(ActivityValidationContext context) { }
}
