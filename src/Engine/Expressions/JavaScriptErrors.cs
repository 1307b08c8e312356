using Acornima;
using Jint;
using Jint.Native.Object;
using Jint.Runtime;

namespace ElsaFlow.Engine.Expressions;

/// <summary>Turns Jint's exceptions into messages a flow author can act on; positions refer to the author's text.</summary>
internal static class JavaScriptErrors
{
    public static string? DescribeSyntax(Exception e) => (e as ParseErrorException ?? e.InnerException as ParseErrorException) is { } parse
        ? $"JavaScript syntax error: {parse.Description} ({Position(parse.LineNumber, parse.Column)})"
        : null;

    /// <summary>The message for an evaluation failure, or null for exceptions that are not the script's fault.</summary>
    public static string? Describe(Exception e, ExpressionOptions options) => e switch
    {
        JavaScriptException js => $"JavaScript error: {ErrorText(js)} ({Position(js.Location.Start.Line, js.Location.Start.Column)})",
        StatementsCountOverflowException => $"JavaScript stopped after {options.MaxStatements:N0} statements, the limit (an endless loop?)",
        TimeoutException => $"JavaScript ran longer than {options.Timeout.TotalSeconds:0.###} s, the limit (an endless loop?)",
        MemoryLimitExceededException => $"JavaScript used more than {options.MemoryLimitBytes / (1024 * 1024)} MB of memory, the limit",
        RecursionDepthOverflowException => $"JavaScript calls nested deeper than {options.MaxRecursionDepth}, the limit",
        ExecutionCanceledException => "JavaScript evaluation was cancelled",
        JintException => $"JavaScript error: {e.Message}",
        _ => null
    };

    private static string ErrorText(JavaScriptException e) =>
        e.Error is ObjectInstance error && error.Get("name").ToString() is { Length: > 0 } name ? $"{name}: {e.Message}" : e.Message;

    // Positions come from the wrapped text "{" + source: the brace shifts line 1 by one column. Columns are 0-based here.
    private static string Position(int line, int column) =>
        $"line {line}, column {(line == 1 ? Math.Max(column, 1) : column + 1)}";
}
