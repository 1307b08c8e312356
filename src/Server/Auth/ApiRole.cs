namespace ElsaFlow.Server.Auth;

/// <summary>What an API key may do: admin everything, operator author and run flows, viewer read only.</summary>
public enum ApiRole { Viewer, Operator, Admin }
