using System.Text.RegularExpressions;
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
        JavaScriptException { InnerException: { } inner } when Describe(inner, options) is { } limit && IsLimit(inner) => limit,
        JavaScriptException js => $"JavaScript error: {ErrorText(js)} ({Position(js.Location.Start.Line, js.Location.Start.Column)})",
        StatementsCountOverflowException => $"JavaScript stopped after {options.MaxStatements:N0} statements, the limit (an endless loop?)",
        // Before TimeoutException, its base class.
        RegexMatchTimeoutException => $"JavaScript regular expression ran longer than {options.Timeout.TotalSeconds:0.###} s, the limit (a pattern that backtracks?)",
        TimeoutException => $"JavaScript ran longer than {options.Timeout.TotalSeconds:0.###} s, the limit (an endless loop?)",
        // Jint reports MaxArraySize with the memory exception; its message names the array size.
        MemoryLimitExceededException m when m.Message.Contains("array size", StringComparison.Ordinal) =>
            $"JavaScript array longer than {options.MaxArrayLength:N0} elements, the limit",
        MemoryLimitExceededException => $"JavaScript used more than {options.MemoryLimitBytes / (1024 * 1024)} MB of memory, the limit",
        AllocationLimitException a => $"JavaScript {a.Message}, more than the memory limit of {options.MemoryLimitBytes / (1024 * 1024)} MB",
        RecursionDepthOverflowException => $"JavaScript calls nested deeper than {options.MaxRecursionDepth}, the limit",
        ExecutionCanceledException => "JavaScript evaluation was cancelled",
        JintException => $"JavaScript error: {e.Message}",
        _ => null
    };

    /// <summary>True for the sandbox limits (time, memory, statements, recursion) as opposed to the script's own errors.</summary>
    public static bool IsLimit(Exception e) => e is StatementsCountOverflowException or TimeoutException or MemoryLimitExceededException
        or AllocationLimitException or RegexMatchTimeoutException or RecursionDepthOverflowException
        || e is JavaScriptException { InnerException: { } inner } && IsLimit(inner);

    private static string ErrorText(JavaScriptException e) =>
        e.Error is ObjectInstance error && error.Get("name").ToString() is { Length: > 0 } name ? $"{name}: {e.Message}" : e.Message;

    // Positions come from the wrapped text "{" + source: the brace shifts line 1 by one column. Columns are 0-based here.
    private static string Position(int line, int column) =>
        $"line {line}, column {(line == 1 ? Math.Max(column, 1) : column + 1)}";
}
