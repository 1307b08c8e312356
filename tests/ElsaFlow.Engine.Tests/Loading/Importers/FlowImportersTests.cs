using System.Text.Json.Nodes;
using ElsaFlow.Engine.Loading.Importers;

namespace ElsaFlow.Engine.Tests.Loading.Importers;

/// <summary>Which importer a document gets is decided by its content; native documents get none.</summary>
public sealed class FlowImportersTests
{
    [Theory]
    [InlineData("""{"flow": {}, "nodes": [], "edges": []}""", "NiceFlow")]
    [InlineData("""{"nodes": [], "edges": []}""", "NiceFlow")]
    [InlineData("""{"root": {"type": "Elsa.Flowchart", "activities": []}}""", "Elsa 3")]
    [InlineData("""{"definitionId": "x", "root": {"type": "Elsa.Sequence"}}""", "Elsa 3")]
    [InlineData("""{"definitionId": "x", "root": {"id": "root", "type": "Flowchart"}}""", null)]
    [InlineData("""{"definitionId": "x", "nodes": [], "root": {"id": "root", "type": "Sequence"}}""", null)]
    public void Find_ByContent_PicksTheFormat(string document, string? format) =>
        Assert.Equal(format, FlowImporters.Find(JsonNode.Parse(document)!.AsObject())?.Format);
}
