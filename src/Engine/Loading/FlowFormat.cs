namespace ElsaFlow.Engine.Loading;

/// <summary>The file formats a flow can be written in; all three describe the same JSON document shape.</summary>
public enum FlowFormat { Json, Yaml, Xml }
