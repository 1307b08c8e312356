using Jint;
using Jint.Native;
using Jint.Native.Array;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;
using JsEngine = Jint.Engine;

namespace ElsaFlow.Engine.Expressions;

/// <summary>
/// Keeps single allocations under the memory limit. Jint checks its memory limit between statements, so one call such
/// as <c>'x'.repeat(2**27)</c> allocated 256 MB before the check ran. The built-ins that make a large string from small
/// arguments are wrapped to compute the result's size first; arrays are capped by Jint's MaxArraySize; binary buffers
/// (ArrayBuffer, typed arrays) are removed, since an expression works on JSON and a buffer's size is one number away
/// from gigabytes. Anything else that grows in one statement is caught by the check after the evaluation.
/// </summary>
internal static class JavaScriptAllocationGuard
{
    private static readonly string[] BufferGlobals =
    [
        "ArrayBuffer", "SharedArrayBuffer", "DataView", "Atomics", "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array",
        "Uint16Array", "Int32Array", "Uint32Array", "Float16Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array"
    ];

    // A script reaches the guarded built-ins only by naming them, through a prototype, by computed member access, or by
    // code it builds (eval, a Function made from a constructor); one that shows none of these cannot call them.
    private static readonly string[] Reaches =
        ["repeat", "pad", "concat", "join", "buffer", "array", "dataview", "atomics", "proto", "constructor", "eval", "function", "reflect", "descriptor", "globalthis", "["];

    /// <summary>True when the script could reach a guarded built-in (see <see cref="Reaches"/>).</summary>
    public static bool IsNeededFor(string source)
    {
        foreach (var word in Reaches)
            if (source.Contains(word, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    public static void Install(JsEngine engine, long limitBytes)
    {
        foreach (var name in BufferGlobals) engine.Global.RemoveOwnProperty(name);

        var strings = Prototype(engine, "String");
        Wrap(engine, strings, "repeat", limitBytes, (text, args) => (double)text.Length * Count(args.At(0)));
        Wrap(engine, strings, "padStart", limitBytes, (_, args) => Count(args.At(0)));
        Wrap(engine, strings, "padEnd", limitBytes, (_, args) => Count(args.At(0)));
        Wrap(engine, strings, "concat", limitBytes, (text, args) => text.Length + args.Sum(a => a is JsString s ? s.Length : 0));

        var arrays = Prototype(engine, "Array");
        WrapJoin(engine, arrays, limitBytes);
    }

    private static ObjectInstance Prototype(JsEngine engine, string constructor) =>
        engine.Global.Get(constructor).AsObject().Get("prototype").AsObject();

    // The receiver is converted once and passed on as a string, so a toString with side effects runs once, as without the guard.
    private static void Wrap(JsEngine engine, ObjectInstance prototype, string name, long limitBytes, Func<string, JsValue[], double> resultChars)
    {
        var original = prototype.Get(name);
        var length = (int)TypeConverter.ToNumber(original.AsObject().Get("length"));
        Replace(engine, prototype, name, length, (self, args) =>
        {
            var text = self is JsString s ? s.ToString() : TypeConverter.ToString(self);
            Check(name, resultChars(text, args), limitBytes);
            return engine.Call(original, new JsString(text), args);
        });
    }

    // join's size is the sum of the string items plus the separators; other items are counted at the check after the evaluation.
    private static void WrapJoin(JsEngine engine, ObjectInstance prototype, long limitBytes)
    {
        var original = prototype.Get("join");
        Replace(engine, prototype, "join", 1, (self, args) =>
        {
            if (self is ArrayInstance array)
            {
                var count = (uint)TypeConverter.ToNumber(array.Get("length"));
                var separator = args.At(0) is JsString s ? s.Length : args.At(0).IsUndefined() ? 1 : 0;
                double chars = Math.Max(0, (double)count - 1) * separator;
                for (uint i = 0; i < count && chars * 2 <= limitBytes; i++)
                    if (array.Get(i) is JsString item) chars += item.Length;
                Check("join", chars, limitBytes);
            }
            return engine.Call(original, self, args);
        });
    }

    private static void Replace(JsEngine engine, ObjectInstance prototype, string name, int length, Func<JsValue, JsValue[], JsValue> body) =>
        prototype.FastSetProperty(name, new PropertyDescriptor(
            new ClrFunction(engine, name, body, length, PropertyFlag.Configurable), PropertyFlag.Writable | PropertyFlag.Configurable));

    private static double Count(JsValue value)
    {
        var number = TypeConverter.ToNumber(value);
        return double.IsNaN(number) ? 0 : Math.Max(0, number);
    }

    private static void Check(string operation, double chars, long limitBytes)
    {
        if (chars * sizeof(char) > limitBytes) throw AllocationLimitException.Before(operation, chars * sizeof(char));
    }
}
