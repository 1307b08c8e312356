using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jint;
using JsEngine = Jint.Engine;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;

namespace ElsaFlow.Engine.Expressions;

/// <summary>Converts between JSON nodes and JavaScript values for one Jint engine.</summary>
/// <remarks>
/// Objects are live views cached per JsonObject, so unchanged state costs nothing to expose again.
/// Arrays become real JavaScript arrays (so Array.isArray, map, push work); they are copied per evaluation
/// and written back to writable JSON when the evaluation completes.
/// </remarks>
internal sealed class JsBridge(JsEngine engine)
{
    private const int MaxDepth = 64;

    private readonly ConditionalWeakTable<JsonObject, JsonObjectInstance> _writableViews = new();
    private readonly ConditionalWeakTable<JsonObject, JsonObjectInstance> _readOnlyViews = new();
    private readonly Dictionary<JsonArray, TrackedArray> _arrays = new(ReferenceEqualityComparer.Instance);

    public JsEngine Engine { get; } = engine;

    public JsValue ToJs(JsonNode? node, bool readOnly) => node switch
    {
        null => JsValue.Null,
        JsonObject o => View(o, readOnly),
        JsonArray a => ArrayOf(a, readOnly),
        JsonValue v => Primitive(v),
        _ => JsValue.Undefined
    };

    public JsonObjectInstance View(JsonObject node, bool readOnly)
    {
        var views = readOnly ? _readOnlyViews : _writableViews;
        if (views.TryGetValue(node, out var view)) return view;
        view = new JsonObjectInstance(this, node, readOnly);
        views.AddOrUpdate(node, view);
        return view;
    }

    private static JsValue Primitive(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => JsString.Create(JsonValues.ToText(value)),
        JsonValueKind.Number => JsNumber.Create(JsonValues.ToDouble(value)),
        JsonValueKind.True => JsBoolean.True,
        JsonValueKind.False => JsBoolean.False,
        _ => JsValue.Null
    };

    private JsArray ArrayOf(JsonArray node, bool readOnly)
    {
        if (_arrays.TryGetValue(node, out var tracked)) return tracked.Js;
        var items = new JsValue[node.Count];
        for (var i = 0; i < items.Length; i++) items[i] = ToJs(node[i], readOnly);
        var js = new JsArray(Engine, (JsValue[])items.Clone());
        _arrays[node] = new TrackedArray(js, items, readOnly);
        return js;
    }

    /// <summary>Writes back arrays changed by the evaluation and forgets them, so the next evaluation sees fresh JSON.</summary>
    public void CompleteEvaluation(bool writeBack)
    {
        if (writeBack)
            foreach (var (node, tracked) in _arrays)
                if (!tracked.ReadOnly && tracked.Changed())
                    WriteBack(node, tracked.Js);
        _arrays.Clear();
    }

    private void WriteBack(JsonArray node, JsArray js)
    {
        var items = new JsonNode?[js.Length];
        for (uint i = 0; i < items.Length; i++)
            items[i] = ToJson(js.Get(i), ReuseCandidate(js.Get(i), node));
        node.Clear();
        foreach (var item in items) node.Add(item);
    }

    // An element that still views a node of this very array may keep that node: Clear() is about to free it.
    private JsonNode? ReuseCandidate(JsValue value, JsonArray owner) => value switch
    {
        JsonObjectInstance view when ReferenceEquals(view.Node.Parent, owner) => view.Node,
        JsArray array when FindTracked(array) is { } n && ReferenceEquals(n.Parent, owner) => n,
        _ => null
    };

    private JsonArray? FindTracked(JsArray array)
    {
        foreach (var (node, tracked) in _arrays)
            if (ReferenceEquals(tracked.Js, array)) return node;
        return null;
    }

    /// <summary>A JavaScript value as JSON to store; <paramref name="current"/> is kept when the value still views it.</summary>
    public JsonNode? ToJson(JsValue value, JsonNode? current = null) => ToJson(value, current, 0);

    private JsonNode? ToJson(JsValue value, JsonNode? current, int depth)
    {
        if (depth > MaxDepth) throw new JavaScriptException(Engine.Intrinsics.TypeError, $"value is nested deeper than {MaxDepth} levels (or refers to itself)");
        switch (value)
        {
            case JsonObjectInstance view:
                // Always a copy: a JSON node has one parent, and storing inputs' own node would alias them.
                return ReferenceEquals(view.Node, current) ? current : view.Node.DeepClone();
            case JsArray array:
                if (FindTracked(array) is { } source && !_arrays[source].Changed())
                    return ReferenceEquals(source, current) ? current : source.DeepClone();
                return ArrayToJson(array, depth);
            case JsDate date:
                return double.IsNaN(date.DateValue) ? null : JsonValue.Create(date.ToDateTime().ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            case OutputsInstance outputs:
                return new JsonObject(outputs.Outputs.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
            case ObjectInstance o when o.IsCallable():
                return null;
            case ObjectInstance o:
                return ObjectToJson(o, depth);
        }
        if (value.IsNumber()) return JsonValues.FromDouble(value.AsNumber());
        if (value.IsString()) return JsonValue.Create(value.ToString());
        if (value.IsBoolean()) return JsonValue.Create(value.AsBoolean());
        if (value.IsBigInt()) return JsonValue.Create(value.ToString());
        return null;
    }

    private JsonArray ArrayToJson(JsArray array, int depth)
    {
        var result = new JsonArray();
        for (uint i = 0; i < array.Length; i++) result.Add(ToJson(array.Get(i), null, depth + 1));
        return result;
    }

    private JsonObject ObjectToJson(ObjectInstance o, int depth)
    {
        var result = new JsonObject();
        foreach (var key in o.GetOwnPropertyKeys(Types.String))
        {
            var descriptor = o.GetOwnProperty(key);
            if (!descriptor.Enumerable) continue;
            var item = o.Get(key);
            if (item.IsCallable() || item.IsUndefined()) continue;
            result[key.ToString()] = ToJson(item, null, depth + 1);
        }
        return result;
    }

    private sealed record TrackedArray(JsArray Js, JsValue[] Original, bool ReadOnly)
    {
        public bool Changed()
        {
            if (Js.Length != Original.Length) return true;
            for (uint i = 0; i < Original.Length; i++)
                if (!Same(Js.Get(i), Original[i])) return true;
            return false;
        }

        private static bool Same(JsValue a, JsValue b) => ReferenceEquals(a, b) || a is not ObjectInstance && a.Equals(b);
    }
}
