using System.Collections.Concurrent;
using Acornima.Ast;
using Jint;
using JsEngine = Jint.Engine;

namespace ElsaFlow.Engine.Expressions;

/// <summary>Parsed JavaScript shared by every engine in the process; prepared scripts are immutable.</summary>
/// <remarks>Each is classified once: whether it can leave a trace in the engine that runs it (<see cref="ScriptTraces"/>).</remarks>
internal static class PreparedScripts
{
    // Expressions come from flow definitions, so the set is small; the cap only guards against generated text.
    private const int Capacity = 10_000;

    private static readonly ConcurrentDictionary<string, PreparedScript> Cache = new(StringComparer.Ordinal);

    public static PreparedScript Get(string source, string field)
    {
        if (Cache.TryGetValue(source, out var script)) return script;
        script = Prepare(source, field);
        if (Cache.Count >= Capacity) Cache.Clear();
        Cache[source] = script;
        return script;
    }

    private static PreparedScript Prepare(string source, string field)
    {
        try
        {
            var script = Parse(source);
            return new PreparedScript(script, script.Program is { } program && ScriptTraces.LeavesNoTrace(program));
        }
        catch (Exception e) when (JavaScriptErrors.DescribeSyntax(e) is { } message)
        {
            throw new ExpressionException(field, message, e);
        }
    }

    // A block keeps `let`/`const` local to this evaluation (the engine is reused) and still yields the value of the
    // last expression statement. The newline keeps a trailing // comment from eating the brace.
    private static Prepared<Script> Parse(string source) => JsEngine.PrepareScript("{" + source + "\n}");
}

