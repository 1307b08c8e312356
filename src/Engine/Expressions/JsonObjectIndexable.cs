using System.Text.Json.Nodes;
using Fluid;
using Fluid.Values;

namespace ElsaFlow.Engine.Expressions;

/// <summary>Lets Liquid read a JsonObject's properties without converting the whole object first.</summary>
internal sealed class JsonObjectIndexable(JsonObject node, TemplateOptions options) : IFluidIndexable
{
    public int Count => node.Count;

    public IEnumerable<string> Keys => node.Select(p => p.Key);

    public bool TryGetValue(string name, out FluidValue value)
    {
        var found = node.TryGetPropertyValue(name, out var item);
        value = found ? FluidValue.Create(item, options) : NilValue.Instance;
        return found;
    }
}
