using System.Text.Json.Nodes;
using Fluid;
using Fluid.Values;

namespace ElsaFlow.Engine.Expressions;

/// <summary>The activity outputs, by activity id, for Liquid.</summary>
internal sealed class OutputsIndexable(IReadOnlyDictionary<string, JsonNode?> outputs, TemplateOptions options) : IFluidIndexable
{
    public int Count => outputs.Count;

    public IEnumerable<string> Keys => outputs.Keys;

    public bool TryGetValue(string name, out FluidValue value)
    {
        var found = outputs.TryGetValue(name, out var item);
        value = found ? FluidValue.Create(item, options) : NilValue.Instance;
        return found;
    }
}
