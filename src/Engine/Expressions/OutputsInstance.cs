using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;

namespace ElsaFlow.Engine.Expressions;

/// <summary>The read-only <c>outputs</c> object: one property per finished activity, converted on access.</summary>
internal sealed class OutputsInstance(JsBridge bridge, IReadOnlyDictionary<string, JsonNode?> outputs) : ObjectInstance(bridge.Engine)
{
    public IReadOnlyDictionary<string, JsonNode?> Outputs { get; } = outputs;

    public override PropertyDescriptor GetOwnProperty(JsValue property)
    {
        if (property.IsString() && Outputs.TryGetValue(property.ToString(), out var value))
            return new PropertyDescriptor(bridge.ToJs(value, readOnly: true), PropertyFlag.Enumerable);
        return base.GetOwnProperty(property);
    }

    protected override bool TryGetOwnPropertyValue(JsValue property, JsValue receiver, out JsValue value)
    {
        if (property.IsString() && Outputs.TryGetValue(property.ToString(), out var node))
        {
            value = bridge.ToJs(node, readOnly: true);
            return true;
        }
        return base.TryGetOwnPropertyValue(property, receiver, out value);
    }

    public override bool Set(JsValue property, JsValue value, JsValue receiver) =>
        throw new JavaScriptException(Engine.Intrinsics.TypeError, JsonObjectInstance.ReadOnlyMessage);

    public override bool DefineOwnProperty(JsValue property, PropertyDescriptor desc) =>
        throw new JavaScriptException(Engine.Intrinsics.TypeError, JsonObjectInstance.ReadOnlyMessage);

    public override bool Delete(JsValue property) =>
        throw new JavaScriptException(Engine.Intrinsics.TypeError, JsonObjectInstance.ReadOnlyMessage);

    public override bool HasProperty(JsValue property) =>
        property.IsString() && Outputs.ContainsKey(property.ToString()) || base.HasProperty(property);

    public override List<JsValue> GetOwnPropertyKeys(Types types = Types.String | Types.Symbol)
    {
        var keys = new List<JsValue>(Outputs.Count);
        if ((types & Types.String) != 0)
            foreach (var key in Outputs.Keys) keys.Add(key);
        return keys;
    }
}
