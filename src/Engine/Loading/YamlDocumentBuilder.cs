using System.Text.Json.Nodes;
using YamlDotNet.Core;

namespace ElsaFlow.Engine.Loading;

/// <summary>
/// Builds the JSON document from YAML parser events with an explicit stack, so deep input costs heap, not call
/// stack, and stops at the depth limit. A mapping alternates key and value; keys must be plain text and unique.
/// </summary>
internal sealed class YamlDocumentBuilder(string source, int maxDepth)
{
    private sealed class Frame(JsonNode container)
    {
        public JsonNode Container { get; } = container;
        public string? PendingKey { get; set; }
    }

    private readonly Stack<Frame> _open = new();
    private bool _hasRoot;

    public JsonNode? Root { get; private set; }

    /// <summary>True once the first document's top node is finished; later documents are not read.</summary>
    public bool IsComplete => _hasRoot && _open.Count == 0;

    public void Open(JsonNode container, Mark where)
    {
        if (_open.Count >= maxDepth)
            throw YamlFlowReader.Refused(source, where, $"the document nests deeper than {maxDepth} levels");
        Add(container, where, null);
        _open.Push(new Frame(container));
    }

    public void Close() => _open.Pop();

    public void Value(JsonNode? value, Mark where, string text) => Add(value, where, text);

    private void Add(JsonNode? node, Mark where, string? text)
    {
        if (_open.Count == 0)
        {
            Root = node;
            _hasRoot = true;
            return;
        }
        var frame = _open.Peek();
        if (frame.Container is JsonArray list)
        {
            list.Add(node);
            return;
        }
        var map = (JsonObject)frame.Container;
        if (frame.PendingKey is null)
        {
            if (text is null) throw YamlFlowReader.Refused(source, where, "a key must be plain text, not a mapping or a list");
            if (map.ContainsKey(text)) throw YamlFlowReader.Refused(source, where, $"the key '{text}' appears twice");
            frame.PendingKey = text;
            return;
        }
        map[frame.PendingKey] = node;
        frame.PendingKey = null;
    }
}
