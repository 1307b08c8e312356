namespace ElsaFlow.Engine.Runtime.Graph;

/// <summary>A connection resolved to its nodes; back-edges close a cycle.</summary>
internal sealed record GraphConnection(int Index, GraphNode Source, string SourcePort, GraphNode Target, string TargetPort, bool IsBackEdge);
