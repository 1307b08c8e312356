using Acornima;
using Acornima.Ast;

namespace ElsaFlow.Engine.Expressions;

/// <summary>
/// Tells the scripts that cannot change the engine they run in: no call, no assignment, no declaration, no function,
/// no delete, only reads of names and members, operators and literals. After such scripts the engine is exactly as a new
/// one (the scope names are bound again on every evaluation), so it may serve another instance. Anything else may leave
/// a trace (a global, a changed built-in) and its engine is never shared.
/// </summary>
internal static class ScriptTraces
{
    public static bool LeavesNoTrace(Node node)
    {
        switch (node.Type)
        {
            case NodeType.Program or NodeType.BlockStatement or NodeType.ExpressionStatement or NodeType.EmptyStatement
                or NodeType.Identifier or NodeType.Literal or NodeType.ThisExpression or NodeType.MemberExpression
                or NodeType.BinaryExpression or NodeType.LogicalExpression or NodeType.ConditionalExpression
                or NodeType.TemplateLiteral or NodeType.TemplateElement or NodeType.ArrayExpression or NodeType.ObjectExpression
                or NodeType.SequenceExpression or NodeType.ParenthesizedExpression or NodeType.ChainExpression:
                break;
            case NodeType.UnaryExpression when ((UnaryExpression)node).Operator != Operator.Delete:
                break;
            // A plain `key: value` (a getter, setter or method is a function).
            case NodeType.Property when node is ObjectProperty { Kind: PropertyKind.Init, Method: false }:
                break;
            default:
                return false;
        }
        foreach (var child in node.ChildNodes)
            if (!LeavesNoTrace(child)) return false;
        return true;
    }
}
