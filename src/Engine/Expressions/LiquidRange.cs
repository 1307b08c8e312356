using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace ElsaFlow.Engine.Expressions;

/// <summary>
/// Fluid's <c>(a..b)</c> builds every number as one array before the loop starts counting steps:
/// <c>(1..100000000)</c> took 5 GB. This range checks its length first.
/// </summary>
internal sealed class LiquidRange(RangeExpression range) : Fluid.Ast.Expression
{
    public override async ValueTask<FluidValue> EvaluateAsync(TemplateContext context)
    {
        var from = (double)(await range.From.EvaluateAsync(context)).ToNumberValue();
        var to = (double)(await range.To.EvaluateAsync(context)).ToNumberValue();
        if (context is LiquidContext limited) limited.CheckRange(Math.Floor(to) - Math.Floor(from) + 1);
        return await range.EvaluateAsync(context);
    }

    /// <summary>Puts a <see cref="LiquidRange"/> in place of every range of a parsed template.</summary>
    internal sealed class Rewriter : AstRewriter
    {
        protected override Fluid.Ast.Expression VisitRangeExpression(RangeExpression rangeExpression) =>
            new LiquidRange((RangeExpression)base.VisitRangeExpression(rangeExpression));
    }
}
