using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;

namespace ElsaFlow.Engine.Expressions;

/// <summary>A live JavaScript view of a JsonObject: properties convert on access, and assignments write into the JSON.</summary>
/// <remarks>A view, not a copy, so that an evaluation costs only what it touches and variable assignments land in the instance's state.</remarks>
internal sealed class JsonObjectInstance : ObjectInstance
{
    private readonly JsBridge _bridge;

    public JsonObjectInstance(JsBridge bridge, JsonObject node, bool readOnly) : base(bridge.Engine)
    {
        _bridge = bridge;
        Node = node;
        IsReadOnly = readOnly;
    }

    public JsonObject Node { get; }

    public bool IsReadOnly { get; }

    public const string ReadOnlyMessage = "inputs, outputs, incoming, item and row are read-only; assign to variables instead";

    public override PropertyDescriptor GetOwnProperty(JsValue property)
    {
        if (property.IsString() && Node.TryGetPropertyValue(property.ToString(), out var value))
            return new PropertyDescriptor(_bridge.ToJs(value, IsReadOnly), PropertyFlag.ConfigurableEnumerableWritable);
        return base.GetOwnProperty(property);
    }

    protected override bool TryGetOwnPropertyValue(JsValue property, JsValue receiver, out JsValue value)
    {
        if (property.IsString() && Node.TryGetPropertyValue(property.ToString(), out var node))
        {
            value = _bridge.ToJs(node, IsReadOnly);
            return true;
        }
        return base.TryGetOwnPropertyValue(property, receiver, out value);
    }

    public override bool Set(JsValue property, JsValue value, JsValue receiver)
    {
        if (!property.IsString() || !ReferenceEquals(receiver, this)) return base.Set(property, value, receiver);
        ThrowIfReadOnly();
        var name = property.ToString();
        var current = Node.TryGetPropertyValue(name, out var existing) ? existing : null;
        var next = _bridge.ToJson(value, current);
        if (!ReferenceEquals(next, current)) Node[name] = next;
        return true;
    }

    public override bool DefineOwnProperty(JsValue property, PropertyDescriptor desc)
    {
        if (!property.IsString() || desc.IsAccessorDescriptor()) return base.DefineOwnProperty(property, desc);
        return Set(property, desc.Value ?? Undefined, this);
    }

    public override bool Delete(JsValue property)
    {
        if (!property.IsString()) return base.Delete(property);
        ThrowIfReadOnly();
        Node.Remove(property.ToString());
        return true;
    }

    public override bool HasProperty(JsValue property) =>
        property.IsString() && Node.ContainsKey(property.ToString()) || base.HasProperty(property);

    public override List<JsValue> GetOwnPropertyKeys(Types types = Types.String | Types.Symbol)
    {
        var keys = new List<JsValue>(Node.Count);
        if ((types & Types.String) != 0)
            foreach (var pair in Node) keys.Add(pair.Key);
        keys.AddRange(base.GetOwnPropertyKeys(types & ~Types.String));
        return keys;
    }

    public override IEnumerable<KeyValuePair<JsValue, PropertyDescriptor>> GetOwnProperties()
    {
        foreach (var pair in Node)
            yield return new(pair.Key, new PropertyDescriptor(_bridge.ToJs(pair.Value, IsReadOnly), PropertyFlag.ConfigurableEnumerableWritable));
    }

    private void ThrowIfReadOnly()
    {
        if (IsReadOnly)
            throw new JavaScriptException(Engine.Intrinsics.TypeError, ReadOnlyMessage);
    }
}
