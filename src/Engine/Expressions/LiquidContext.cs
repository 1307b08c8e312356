using System.Diagnostics;
using Fluid;

namespace ElsaFlow.Engine.Expressions;

/// <summary>
/// A template context that carries the render's limits: Fluid counts steps (statements and loop iterations) itself but
/// has no clock and no size limit, so the range, the writer and the assign/capture hooks ask this context.
/// </summary>
internal sealed class LiquidContext : TemplateContext
{
    private readonly long _deadline;

    public LiquidContext(TemplateOptions templateOptions, ExpressionOptions limits) : base(templateOptions)
    {
        Limits = limits;
        MaxSteps = limits.LiquidMaxSteps;
        _deadline = Stopwatch.GetTimestamp() + (long)(limits.Timeout.TotalSeconds * Stopwatch.Frequency);
    }

    public ExpressionOptions Limits { get; }

    /// <summary>Fluid reports too many steps as "maximum level of recursion"; the count tells the two apart.</summary>
    public bool StepsExceeded => MaxSteps > 0 && _steps > MaxSteps;

    public void CheckTime()
    {
        if (Stopwatch.GetTimestamp() > _deadline)
            throw new LiquidLimitException($"Liquid ran longer than {ExpressionLimits.Seconds(Limits.Timeout)}, the limit");
    }

    /// <summary>A range of <paramref name="count"/> numbers would be built as one array before the loop's steps are counted.</summary>
    public void CheckRange(double count)
    {
        CheckTime();
        if (MaxSteps > 0 && count > MaxSteps)
            throw new LiquidLimitException($"Liquid range of {count:N0} numbers is longer than {MaxSteps:N0}, the step limit");
    }

    public void CheckText(long chars, string what)
    {
        CheckTime();
        if (chars > Limits.LiquidMaxOutputChars)
            throw new LiquidLimitException($"Liquid {what} is longer than {Limits.LiquidMaxOutputChars:N0} characters, the output limit");
    }
}
